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
