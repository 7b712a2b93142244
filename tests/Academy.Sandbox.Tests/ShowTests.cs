using System.Text.Json;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Tests.Support;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Tests;

/// <summary>`show` on live tables that are not quite as the ETL needs them.</summary>
public sealed class ShowTests
{
    [Test]
    public async Task AGlobalItemNoJobReadsIsShownAsItIsNotAsABrokenSourceAndItsListIsPlainJson()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        project.Write($"Pulumi.{user}.yaml", """
            config:
              academy:items:
                global:
                  - name: dev-notes
                    owner: dev-learner
                    max_retries: 3
                    reviewers: [alice, bob]
                    limits: {daily: 10}
            """);
        string[] target = ["--stack", user, "--endpoint", LocalEngine.Endpoint, "--project", project.Root];
        Assert.That((await Tool.RunAsync(["up", .. target])).ExitCode, Is.Zero);

        var run = await Tool.RunAsync(["show", .. target]);

        Assert.That(run.ExitCode, Is.Zero, run.Output);
        Assert.That(run.Output, Does.Contain($"Global item: dev-notes ({user}-academy-global) [no job reads it: not a job source]")
            .And.Contain("""reviewers    ["alice","bob"]""")
            .And.Contain("""limits       {"daily":10}""")
            .And.Not.Contain("!")
            .And.Not.Contain("{\"L\""));

        var json = await Tool.RunAsync(["show", "--json", .. target]);
        using var document = JsonDocument.Parse(json.Output);
        var notes = document.RootElement.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "dev-notes");
        Assert.That(notes.GetProperty("isSource").GetBoolean(), Is.False);
        Assert.That(notes.GetProperty("settings").GetProperty("reviewers").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "alice", "bob" }));
        Assert.That(notes.GetProperty("settings").GetProperty("max_retries").GetInt32(), Is.EqualTo(3));
    }

    [Test]
    public async Task ASourceMissingOneAttributeIsReportedOnceAndTheJobReallyMissingIsNamedAndShowExits1()
    {
        var user = Tool.NewUser();
        var target = Tool.LocalTarget(user);
        Assert.That((await Tool.RunAsync(["up", .. target])).ExitCode, Is.Zero);
        using var client = LocalEngine.Client();
        await client.UpdateItemAsync($"{user}-academy-global", new Dictionary<string, AttributeValue> { ["name"] = new() { S = "imdb-rest-api" } }, new Dictionary<string, AttributeValueUpdate>
        {
            ["tz"] = new() { Action = AttributeAction.DELETE },
        });
        await client.DeleteItemAsync($"{user}-academy-jobs", new Dictionary<string, AttributeValue> { ["name"] = new() { S = "title_crew" } });

        var run = await Tool.RunAsync(["show", .. target]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Drift));
        var problems = run.Output.Split('\n').Where(l => l.TrimStart().StartsWith('!')).Select(l => l.Trim()).ToList();
        Assert.That(problems, Is.EqualTo(new[]
        {
            "! attribute 'tz': is missing; it must be a string (S)",
            "! no item 'title_crew' in the jobs table, so the ETL cannot run it",
        }));
        Assert.That(run.Output, Does.Contain($"2 problem(s)").And.Contain($"`academy-sandbox verify --user {user} --project {LocalEngine.Repo.Root} --endpoint {LocalEngine.Endpoint}`"));
    }

    [Test]
    public async Task ManyGlobalItemsNoJobReadsAreCappedAndTheSourceIsStillShownInFull()
    {
        using var project = new ScratchProject();
        project.Write("seed/items/global.json", ScaleTests.GlobalSeed(30));
        string[] target = ["--user", Tool.NewUser(), "--endpoint", LocalEngine.Endpoint, "--project", project.Root];
        Assert.That((await Tool.RunAsync(["up", .. target])).ExitCode, Is.Zero);

        var run = await Tool.RunAsync(["show", .. target]);

        Assert.That(run.ExitCode, Is.Zero, run.Output);
        Assert.That(run.Output.Split('\n').Count(l => l.StartsWith("Global item: bulk-", StringComparison.Ordinal)), Is.EqualTo(Listing.Shown));
        Assert.That(run.Output, Does.Contain("... and 10 more (10 global item(s) no job reads); --json lists every one")
            .And.Contain("Jobs of imdb-rest-api (6,"));
    }

    [Test]
    public async Task AnEmptyGlobalTableIsAProblemTheEtlStopsAtSoShowExits1AndSaysWhatWritesIt()
    {
        var user = Tool.NewUser();
        string[] target = ["--user", user, "--endpoint", LocalEngine.Endpoint];
        Assert.That((await Tool.RunAsync(["up", .. target])).ExitCode, Is.Zero);
        using var client = LocalEngine.Client();
        await client.DeleteItemAsync($"{user}-academy-global", new Dictionary<string, AttributeValue> { ["name"] = new() { S = "imdb-rest-api" } });

        var show = await Tool.RunAsync(["show", .. target]);
        var json = await Tool.RunAsync(["show", "--json", .. target]);

        Assert.Multiple(() =>
        {
            Assert.That(show.ExitCode, Is.EqualTo(ExitCodes.Drift), show.Output);
            Assert.That(show.Output, Does.Contain($"  ! {user}-academy-global holds no items, so the ETL has no settings to start from; `academy-sandbox up --user {user} --endpoint {LocalEngine.Endpoint}` writes the catalog's"));
            Assert.That(show.Output, Does.Contain("1 problem(s), each marked ! above"));
            Assert.That(json.ExitCode, Is.EqualTo(ExitCodes.Drift));
            Assert.That(JsonDocument.Parse(json.Output).RootElement.GetProperty("problemCount").GetInt32(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task AnEmptyGlobalTableWhoseItemsOnlyEncryptedConfigDeclaresPointsAtPulumiNotAtUpWhichCannotWriteThem()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        project.Write("seed/items/global.json", "[]");
        project.Write("seed/items/jobs.json", "[]");
        SecretStackFiles.WhollyEncryptedItems(project, user);
        string[] target = ["--stack", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint];
        Assert.That((await Tool.RunAsync(["up", .. target])).ExitCode, Is.Zero);

        var show = await Tool.RunAsync(["show", .. target]);

        Assert.That(show.ExitCode, Is.EqualTo(ExitCodes.Drift), show.Output);
        Assert.That(show.Output, Does.Contain("holds no items, so the ETL has no settings to start from; the catalog's come from secret config, which only `pulumi up` writes"));
    }

    [Test]
    public async Task ATableKeyedOtherwiseIsSaidFirstWithItsWayOutNotAnUpThatUpRefuses()
    {
        var user = Tool.NewUser();
        await OnDemandTable.CreateAsync($"{user}-academy-global", "id", ScalarAttributeType.N);

        var show = await Tool.RunAsync("show", "--user", user, "--endpoint", LocalEngine.Endpoint);

        Assert.That(show.ExitCode, Is.EqualTo(ExitCodes.Failed));
        Assert.That(show.Error.Trim(), Does.StartWith($"error: table {user}-academy-global exists with key HASH id (N) but the catalog declares HASH name (S)")
            .And.Contain($"`academy-sandbox down --user {user} --endpoint {LocalEngine.Endpoint} --table global`").And.Not.Contain("create it with"));
    }

    [Test]
    public async Task ShowOfAMissingTableSuggestsUpWithTheOptionsGiven()
    {
        var user = Tool.NewUser();
        var run = await Tool.RunAsync("show", "--user", user, "--endpoint", LocalEngine.Endpoint, "--project", LocalEngine.Repo.Root);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failed));
        Assert.That(run.Error, Does.Contain($"create it with `academy-sandbox up --user {user} --project {LocalEngine.Repo.Root} --endpoint {LocalEngine.Endpoint}`"));
    }
}
