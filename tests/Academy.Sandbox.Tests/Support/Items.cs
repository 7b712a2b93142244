using System.Text.Json.Nodes;
using Academy.Catalog;
using Academy.Catalog.Items;
using Academy.Catalog.Project;
using Academy.Sandbox.Config;
using Academy.Sandbox.Engine;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Tests.Support;

/// <summary>Helpers to read the engine back and compare items exactly.</summary>
public static class Items
{
    /// <summary>The catalog exactly as the CLI builds it for --stack <paramref name="stack"/>.</summary>
    public static Catalog.Catalog Build(ProjectPaths paths, string stack) => CatalogBuilder.Build(StackFileConfigSource.Load(paths, stack), paths);

    public static async Task<List<Dictionary<string, AttributeValue>>> ScanAsync(string tableName)
    {
        using var client = LocalEngine.Client();
        return await LiveTable.ScanAsync(client, tableName, CancellationToken.None);
    }

    /// <summary>
    /// How many items <paramref name="tableName"/> holds once the engine has applied every write it had
    /// received. A client stopped mid-write (Ctrl+C, SIGKILL) leaves its in-flight BatchWriteItem requests
    /// with the engine, which applies them after the client is gone, up to --concurrency batches and, on
    /// a busy engine, hundreds of milliseconds later: counting at once can miss them. The count is taken
    /// when it held for a second; one that keeps changing (a writer still running) fails.
    /// </summary>
    public static async Task<int> SettledCountAsync(string tableName)
    {
        var count = (await ScanAsync(tableName)).Count;
        for (var waited = 0; waited < 15; waited++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var again = (await ScanAsync(tableName)).Count;
            if (again == count)
            {
                return count;
            }

            count = again;
        }

        Assert.Fail($"{tableName} still changed after 15 s ({count} items): something still writes to it");
        return count;
    }

    /// <summary>DynamoDB JSON with object keys sorted at every level: equal text means equal types and exact values.</summary>
    public static string Canonical(IReadOnlyDictionary<string, AttributeValue> item) =>
        Sort(JsonNode.Parse(DynamoJsonWriter.Write(item))!).ToJsonString();

    private static JsonNode Sort(JsonNode node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)Sort(kv.Value!)))),
        JsonArray a => new JsonArray(a.Select(e => (JsonNode?)Sort(e!)).ToArray()),
        _ => node.DeepClone(),
    };
}
