using System.Text.Json;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Tests.Support;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Tests;

public sealed class VerifyAndShowTests
{
    [Test]
    public async Task VerifyListsMissingExtraAndDifferentItemsAttributeByAttribute()
    {
        var user = Tool.NewUser();
        string[] target = ["--user", user, "--endpoint", LocalEngine.Endpoint, "--project", LocalEngine.Repo.Root];
        Assert.That((await Tool.RunAsync(["up", .. target])).ExitCode, Is.Zero);
        Assert.That((await Tool.RunAsync(["verify", .. target])).ExitCode, Is.Zero, "in step right after up");

        using var client = LocalEngine.Client();
        var key = new Dictionary<string, AttributeValue> { ["name"] = new() { S = "imdb-rest-api" } };
        await client.UpdateItemAsync($"{user}-academy-global", key, new Dictionary<string, AttributeValueUpdate>
        {
            ["port"] = new() { Action = AttributeAction.PUT, Value = new AttributeValue { S = ":8443" } },
            ["tz"] = new() { Action = AttributeAction.DELETE },
        });
        await client.DeleteItemAsync($"{user}-academy-jobs", new Dictionary<string, AttributeValue> { ["name"] = new() { S = "title_crew" } });
        await client.PutItemAsync($"{user}-academy-jobs", new Dictionary<string, AttributeValue> { ["name"] = new() { S = "stray" } });

        var run = await Tool.RunAsync(["verify", .. target]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Drift));
        Assert.That(run.Output, Does.Contain("differs   global-imdb-rest-api")
            .And.Contain("port: catalog {\"S\":\"\"}, live {\"S\":\":8443\"}")
            .And.Contain("tz: catalog {\"S\":\"Europe/Zagreb\"}, live (missing)")
            .And.Contain("missing   jobs-title_crew")
            .And.Contain("extra     jobs-stray")
            .And.Contain("drift: 3 difference(s)"));
    }

    [Test]
    public async Task ShowPrintsTheResolvedUrlsTheEtlUses()
    {
        var user = Tool.NewUser();
        string[] target = ["--user", user, "--endpoint", LocalEngine.Endpoint, "--project", LocalEngine.Repo.Root];
        Assert.That((await Tool.RunAsync(["up", .. target])).ExitCode, Is.Zero);

        var run = await Tool.RunAsync(["show", "--json", .. target]);

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var source = json.RootElement.GetProperty("sources").EnumerateArray().Single();
        const string Base = "https://ogj9fvz5cf.execute-api.eu-central-1.amazonaws.com/v1/imdb";
        Assert.That(source.GetProperty("baseUrl").GetString(), Is.EqualTo(Base));
        Assert.That(source.GetProperty("settings").GetProperty("port").GetString(), Is.EqualTo(""));
        var jobs = source.GetProperty("jobs").EnumerateArray().ToDictionary(j => j.GetProperty("name").GetString()!, j => j.GetProperty("partitionsUrl").GetString());
        Assert.That(jobs.Keys, Is.EqualTo(new[] { "title_ratings", "title_crew", "name_basics", "title_episode", "title_basics", "title_principals" }), "in the global item's order");
        Assert.That(jobs["title_ratings"], Is.EqualTo(Base + "/partitions/title_ratings"));

        var text = await Tool.RunAsync(["show", .. target]);
        Assert.That(text.Output, Does.Contain("base URL        " + Base).And.Contain(Base + "/partitions/title_principals"));
    }

    [Test]
    public async Task ShowBeforeUpSaysToRunUp()
    {
        var run = await Tool.RunAsync("show", "--user", Tool.NewUser(), "--endpoint", LocalEngine.Endpoint, "--project", LocalEngine.Repo.Root);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failed));
        Assert.That(run.Error, Does.Contain("does not exist").And.Contain("up"));
    }
}
