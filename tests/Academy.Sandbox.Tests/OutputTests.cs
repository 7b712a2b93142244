using System.Text.Json;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Tests.Support;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Tests;

/// <summary>What up and verify print for people (capped, copy-pasteable hints) and for scripts (--json).</summary>
public sealed class OutputTests
{
    private const int Strays = 45;

    [Test]
    public async Task VerifyNamesAttributesOnlyTheLiveItemHasAsWrittenOutsideTheCatalog()
    {
        var user = Tool.NewUser();
        var target = Tool.LocalTarget(user);
        Assert.That((await Tool.RunAsync(["up", .. target])).ExitCode, Is.Zero);
        using var client = LocalEngine.Client();
        await client.UpdateItemAsync($"{user}-academy-jobs", new Dictionary<string, AttributeValue> { ["name"] = new() { S = "title_ratings" } }, new Dictionary<string, AttributeValueUpdate>
        {
            ["last_watermark"] = new() { Action = AttributeAction.PUT, Value = new AttributeValue { S = "2024-05-01" } },
            ["enabled"] = new() { Action = AttributeAction.PUT, Value = new AttributeValue { BOOL = false } },
        });

        var text = await Tool.RunAsync(["verify", .. target]);

        Assert.That(text.ExitCode, Is.EqualTo(ExitCodes.Drift));
        Assert.That(text.Output, Does.Contain("differs   jobs-title_ratings")
            .And.Contain("""last_watermark: written outside the catalog, live {"S":"2024-05-01"}""")
            .And.Contain("""enabled: catalog {"BOOL":true}, live {"BOOL":false}""")
            .And.Not.Contain("(not declared)"));

        var json = await Tool.RunAsync(["verify", "--json", .. target]);

        Assert.That(json.ExitCode, Is.EqualTo(ExitCodes.Drift));
        using var document = JsonDocument.Parse(json.Output);
        var item = document.RootElement.GetProperty("tables").EnumerateArray().SelectMany(t => t.GetProperty("items").EnumerateArray()).Single();
        Assert.That(item.GetProperty("state").GetString(), Is.EqualTo("differs"));
        var attributes = item.GetProperty("attributes").EnumerateArray().ToDictionary(a => a.GetProperty("name").GetString()!);
        Assert.That(attributes["last_watermark"].GetProperty("change").GetString(), Is.EqualTo("writtenOutside"));
        Assert.That(attributes["last_watermark"].GetProperty("live").GetProperty("S").GetString(), Is.EqualTo("2024-05-01"));
        Assert.That(attributes["enabled"].GetProperty("change").GetString(), Is.EqualTo("changed"));
    }

    [Test]
    public async Task LongListingsAreCappedWithCountsPerKindAndJsonListsEveryOne()
    {
        var user = Tool.NewUser();
        var target = Tool.LocalTarget(user);
        Assert.That((await Tool.RunAsync(["up", .. target])).ExitCode, Is.Zero);
        using var client = LocalEngine.Client();
        foreach (var batch in Enumerable.Range(0, Strays).Chunk(25))
        {
            await client.BatchWriteItemAsync(new Dictionary<string, List<WriteRequest>>
            {
                [$"{user}-academy-global"] = batch.Select(i => new WriteRequest(new PutRequest(new Dictionary<string, AttributeValue> { ["name"] = new() { S = $"stray-{i:D2}" } }))).ToList(),
            });
        }

        await client.DeleteItemAsync($"{user}-academy-global", new Dictionary<string, AttributeValue> { ["name"] = new() { S = "imdb-rest-api" } });

        var verify = await Tool.RunAsync(["verify", .. target]);

        var listed = verify.Output.Split('\n').Count(l => l.StartsWith("    extra", StringComparison.Ordinal) || l.StartsWith("    missing", StringComparison.Ordinal));
        Assert.That(listed, Is.EqualTo(Listing.Shown));
        Assert.That(verify.Output, Does.Contain($"... and {Strays + 1 - Listing.Shown} more ({Strays + 1 - Listing.Shown} extra); --json lists every one")
            .And.Contain($"drift: {Strays + 1} difference(s); `academy-sandbox up --user {user} --project {LocalEngine.Repo.Root} --endpoint {LocalEngine.Endpoint}` writes"));

        var json = await Tool.RunAsync(["verify", "--json", .. target]);
        using (var document = JsonDocument.Parse(json.Output))
        {
            Assert.That(document.RootElement.GetProperty("drift").GetInt32(), Is.EqualTo(Strays + 1));
            Assert.That(document.RootElement.GetProperty("tables")[0].GetProperty("items").GetArrayLength(), Is.EqualTo(Strays + 1));
        }

        var up = await Tool.RunAsync(["up", .. target]);

        Assert.That(up.Output, Does.Contain($"global: kept {Strays} item(s) the catalog does not declare (`academy-sandbox up --user {user} --project {LocalEngine.Repo.Root} --endpoint {LocalEngine.Endpoint} --prune` deletes them): stray-00, ")
            .And.Contain($"stray-19, ... ({Strays - Listing.Shown} more)"));
    }

    [Test]
    public async Task UpJsonIsOneDocumentOnStdoutWithWhatWasDonePerTable()
    {
        var user = Tool.NewUser();
        var run = await Tool.RunAsync("up", "--json", "--user", user, "--endpoint", LocalEngine.Endpoint, "--project", LocalEngine.Repo.Root);

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        using var document = JsonDocument.Parse(run.Output);
        var root = document.RootElement;
        Assert.That(root.GetProperty("written").GetInt32(), Is.EqualTo(7));
        Assert.That(root.GetProperty("user").GetString(), Is.EqualTo(user));
        var tables = root.GetProperty("tables").EnumerateArray().ToDictionary(t => t.GetProperty("tableKey").GetString()!);
        Assert.That(tables["jobs"].GetProperty("written").GetInt32(), Is.EqualTo(6));
        Assert.That(tables["global"].GetProperty("created").GetBoolean(), Is.True);
        Assert.That(run.Error, Does.Contain($"table {user}-academy-global: created, ACTIVE"), "progress goes to stderr");
    }

    [TestCase("plan")]
    [TestCase("up")]
    [TestCase("show")]
    [TestCase("verify")]
    public async Task EveryCommandsHelpEndsWithItsExitCodes(string command)
    {
        var run = await Tool.RunAsync(command, "--help");

        Assert.That(run.ExitCode, Is.Zero);
        var section = run.Output[run.Output.IndexOf("Exit codes:", StringComparison.Ordinal)..];
        // plan too: with --endpoint or --aws it reads the live tables.
        foreach (var code in new[] { ExitCodes.Ok, ExitCodes.Usage, ExitCodes.Unreachable, ExitCodes.CatalogInvalid, ExitCodes.Cancelled })
        {
            Assert.That(section, Does.Contain($"  {code,-4} "), $"{command}: {code}");
        }
    }
}
