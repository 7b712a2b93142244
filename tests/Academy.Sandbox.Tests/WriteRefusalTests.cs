using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Engine;
using Academy.Sandbox.Tests.Support;
using Academy.Sandbox.Up;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Tests;

/// <summary>A write DynamoDB refuses: the item is found and named, and `up` says what it did and did not do.</summary>
public sealed partial class WriteRefusalTests
{
    private const string Refused = "bulk-00042";

    [Test]
    public async Task ARefusedItemInABatchIsNamedWithItsFileAndUpSaysWhatItDidAndDidNot()
    {
        using var project = new ScratchProject();
        project.Write("seed/items/global.json", ScaleTests.GlobalSeed(60));
        // The engine refuses every BatchWriteItem holding this one item, as DynamoDB refuses a whole
        // batch for one item over a limit, without saying which.
        using var proxy = new FlakyProxy(LocalEngine.Endpoint, request => Holds(request, Refused)
            ? (400, """{"__type":"com.amazon.coral.validate#ValidationException","message":"Item size has exceeded the maximum allowed size"}""")
            : null);
        var user = Tool.NewUser();

        // One batch at a time, so no batch is still in flight (written, but not yet counted) when up stops.
        var run = await Tool.RunAsync("up", "--user", user, "--project", project.Root, "--endpoint", proxy.Endpoint, "--concurrency", "1");
        TestContext.Out.WriteLine(run.Output + run.Error);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failed), run.Output + run.Error);
        Assert.That(run.Error.Trim(), Is.EqualTo(
            $"error: DynamoDB refused item global-{Refused} (declared in seed/items/global.json): ValidationException: Item size has exceeded the maximum allowed size; "
            + "the catalog accepted it, so it breaks a DynamoDB limit the catalog does not check: change the item, then run `up` again"));
        Assert.That(run.Output, Does.Contain($"table {user}-academy-global: created, ACTIVE"), "what was done");
        var stopped = StoppedLine().Match(run.Output);
        Assert.That(stopped.Success, Is.True, run.Output);
        Assert.That(stopped.Groups["table"].Value, Is.EqualTo($"{user}-academy-global"));
        Assert.That(stopped.Groups["total"].Value, Is.EqualTo("61"));
        Assert.That(run.Output, Does.Contain($"not reached: {user}-academy-jobs"), "what was not");
        var live = await Items.ScanAsync($"{user}-academy-global");
        Assert.That(live.Select(i => i["name"].S), Does.Not.Contain(Refused));
        Assert.That(int.Parse(stopped.Groups["done"].Value, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(live.Count), "the count said is the count written");
        Assert.That(int.Parse(stopped.Groups["missing"].Value, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(61 - live.Count));
    }

    [Test]
    public async Task OnTheRealEngineTheOneRefusedRequestOfABatchIsFoundAndTheOthersAreWritten()
    {
        using var client = LocalEngine.Client();
        var table = Tool.NewUser() + "-refusals";
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            AttributeDefinitions = [new AttributeDefinition("name", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("name", KeyType.HASH)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
        while ((await LiveTable.DescribeAsync(client, table, CancellationToken.None))?.TableStatus != TableStatus.ACTIVE)
        {
            await Task.Delay(20); // dynalite answers ResourceNotFound for a table still CREATING
        }

        var requests = Enumerable.Range(0, 40)
            .Select(i => new WriteRequest(new PutRequest(new() { ["name"] = new AttributeValue($"item-{i:D2}"), ["n"] = new AttributeValue { N = $"{i}" } })))
            .ToList();
        // A key of the wrong type: dynalite refuses the whole batch holding it with a ValidationException.
        requests[30] = new WriteRequest(new PutRequest(new() { ["name"] = new AttributeValue { N = "30" } }));
        var written = 0;

        var error = Assert.ThrowsAsync<WriteRefusedException>(() =>
            new BatchWriter(client, 1, Backoff.Default, Hints.None).WriteAsync(table, requests, n => Interlocked.Add(ref written, n), CancellationToken.None))!;

        Assert.That(error.Request, Is.SameAs(requests[30]));
        Assert.That(error.Cause.ErrorCode, Is.EqualTo("ValidationException"));
        var live = await LiveTable.ScanAsync(client, table, CancellationToken.None);
        Assert.That(live.Select(i => i["name"].S).Order(), Is.EqualTo(Enumerable.Range(0, 30).Select(i => $"item-{i:D2}")), "the first batch and the refused batch's other items; concurrency 1 stops before the rest");
        Assert.That(written, Is.EqualTo(live.Count));
    }

    private static bool Holds(JsonObject batchWrite, string name) =>
        batchWrite["RequestItems"]!.AsObject().Any(t => t.Value!.AsArray().Any(w => (string?)w!["PutRequest"]?["Item"]?["name"]?["S"] == name));

    [GeneratedRegex(@"stopped in (?<table>\S+): (?<done>\d+) of (?<total>\d+) write\(s\) done, (?<missing>\d+) not done")]
    private static partial Regex StoppedLine();
}
