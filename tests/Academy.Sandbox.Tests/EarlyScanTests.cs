using Academy.Catalog;
using Academy.Catalog.Settings;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Down;
using Academy.Sandbox.Engine;
using Academy.Sandbox.Tests.Support;
using Academy.Sandbox.Up;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Tests;

/// <summary>
/// up and plan --endpoint scan the tables while the catalog is still being checked (<see cref="LiveReads"/>).
/// A table that changes in that time (a large catalog takes seconds) is planned from what it holds
/// when the checks end, exactly as if it had been read then.
/// </summary>
public sealed class EarlyScanTests
{
    [Test]
    public async Task ATableCreatedAgainWithOtherKeysWhileTheCatalogIsCheckedIsRefusedAndLeftAlone()
    {
        var (user, catalog) = await SeededLearnerAsync();
        using var client = LocalEngine.Client();
        using var reads = await EarlyReadsAsync(client, catalog);
        var jobs = $"{user}-academy-jobs";
        await DeleteAsync(client, jobs);
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = jobs,
            AttributeDefinitions = [new AttributeDefinition("name", "S"), new AttributeDefinition("source", "S")],
            KeySchema = [new KeySchemaElement("name", KeyType.HASH), new KeySchemaElement("source", KeyType.RANGE)],
            BillingMode = Amazon.DynamoDBv2.BillingMode.PAY_PER_REQUEST,
        });

        var refusal = Assert.ThrowsAsync<SandboxException>(() => Runner(client, reads).RunAsync(catalog, prune: false, CancellationToken.None));

        Assert.That(refusal!.Message, Does.Contain($"table {jobs} exists with key HASH name (S), RANGE source (S)"));
        Assert.That(await Items.ScanAsync(jobs), Is.Empty, "nothing written into it");
    }

    [Test]
    public async Task ATableDeletedWhileTheCatalogIsCheckedIsCreatedAgain()
    {
        var (user, catalog) = await SeededLearnerAsync();
        using var client = LocalEngine.Client();
        using var reads = await EarlyReadsAsync(client, catalog);
        await DeleteAsync(client, $"{user}-academy-jobs");

        var result = await Runner(client, reads).RunAsync(catalog, prune: false, CancellationToken.None);

        Assert.That((result.Tables.Single(t => t.TableKey == "jobs").Created, result.Written), Is.EqualTo((true, 6)));
    }

    [Test]
    public async Task AnItemEditedWhileTheCatalogIsCheckedIsWrittenBack()
    {
        var (user, catalog) = await SeededLearnerAsync();
        using var client = LocalEngine.Client();
        using var reads = await EarlyReadsAsync(client, catalog);
        // The catalog's checks outlast the early scan's lead: reading the table again is more recent.
        await Task.Delay(LiveReads.MaxLead + TimeSpan.FromSeconds(0.5));
        var global = $"{user}-academy-global";
        await client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = global,
            Key = new() { ["name"] = new() { S = "imdb-rest-api" } },
            UpdateExpression = "SET tz = :tz",
            ExpressionAttributeValues = new() { [":tz"] = new() { S = "HACKED" } },
        });

        var result = await Runner(client, reads).RunAsync(catalog, prune: false, CancellationToken.None);

        Assert.That(result.Written, Is.EqualTo(1));
        Assert.That((await Items.ScanAsync(global)).Single()["tz"].S, Is.EqualTo("Europe/Zagreb"));
    }

    [Test]
    public async Task AnEarlyReadThatFailedIsMadeAgain()
    {
        var (user, catalog) = await SeededLearnerAsync();
        // Nothing listened when the early reads were made (an engine still starting); now one does.
        using var nobody = EngineTarget.Local($"http://127.0.0.1:{LoopbackPort.Free()}").CreateClient();
        using var reads = await EarlyReadsAsync(nobody, catalog);
        using var client = LocalEngine.Client();
        var global = $"{user}-academy-global";

        var items = await reads.ScanAsync(client, global, (await client.DescribeTableAsync(global)).Table, CancellationToken.None);

        Assert.That(items.Select(i => i["name"].S), Is.EqualTo(new[] { "imdb-rest-api" }));
    }

    private static async Task<(string User, Academy.Catalog.Catalog Catalog)> SeededLearnerAsync()
    {
        var user = Tool.NewUser();
        var up = await Tool.RunAsync("up", "--user", user, "--endpoint", LocalEngine.Endpoint, "--project", LocalEngine.Repo.Root);
        Assert.That(up.ExitCode, Is.Zero, up.Error);
        return (user, CatalogBuilder.Build(new DictionaryConfigSource(user), LocalEngine.Repo));
    }

    private static async Task<LiveReads> EarlyReadsAsync(IAmazonDynamoDB client, Academy.Catalog.Catalog catalog)
    {
        var reads = LiveReads.Start(client, catalog.Tables.Select(t => t.Name), CancellationToken.None);
        await reads.Settled();
        return reads;
    }

    // The engine deletes a table in the background: gone once down would call it gone.
    private static async Task DeleteAsync(IAmazonDynamoDB client, string table)
    {
        await client.DeleteTableAsync(table);
        await DownRunner.WaitGoneAsync(client, table, CancellationToken.None);
    }

    private static UpRunner Runner(IAmazonDynamoDB client, LiveReads reads) =>
        new(client, TextWriter.Null, concurrency: 4) { Reads = reads };
}
