using Academy.Sandbox.Cli;
using Academy.Sandbox.Engine;
using Academy.Sandbox.Tests.Support;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Tests;

/// <summary>`up --prune` never empties a table or takes more than half of it without --yes, and writes nothing when it refuses.</summary>
public sealed class PruneSafetyTests
{
    [Test]
    public async Task PruneThatWouldDeleteMoreThanHalfOfATableIsRefusedNamingTheTableAndCountAndNothingIsWrittenOrDeleted()
    {
        var user = Tool.NewUser();
        string[] args = ["up", .. Tool.LocalTarget(user)];
        Assert.That((await Tool.RunAsync(args)).ExitCode, Is.Zero);
        using var client = LocalEngine.Client();
        var global = $"{user}-academy-global";
        foreach (var name in new[] { "hand-made-1", "hand-made-2" })
        {
            await client.PutItemAsync(global, new Dictionary<string, AttributeValue> { ["name"] = new() { S = name } });
        }

        // A declared item that differs, so a run that went ahead would also write.
        await client.UpdateItemAsync(global, new Dictionary<string, AttributeValue> { ["name"] = new() { S = "imdb-rest-api" } }, new Dictionary<string, AttributeValueUpdate>
        {
            ["tz"] = new() { Action = AttributeAction.PUT, Value = new AttributeValue { S = "UTC" } },
        });
        var before = Items.Canonical(await Snapshot(global));

        var refused = await Tool.RunAsync([.. args, "--prune"]);

        Assert.That(refused.ExitCode, Is.EqualTo(ExitCodes.Failed));
        Assert.That(refused.Error.Trim().Split('\n'), Has.Length.EqualTo(1), refused.Error);
        Assert.That(refused.Error, Does.Contain($"would delete 2 of the 3 item(s) in {global}")
            .And.Contain("nothing was written or deleted")
            .And.Contain($"`academy-sandbox up --user {user} --project {LocalEngine.Repo.Root} --endpoint {LocalEngine.Endpoint} --prune --yes`"));
        Assert.That(Items.Canonical(await Snapshot(global)), Is.EqualTo(before), "not one item written or deleted");
        Assert.That(await Items.ScanAsync($"{user}-academy-jobs"), Has.Count.EqualTo(6), "the jobs table was not touched either");

        // The plan it points to, pasted, is the live plan: it names each item the prune would delete.
        var plan = await PastedHint.RunAsync(refused.Error, "still declares those items (");
        Assert.That(plan.Output, Does.Contain("global-hand-made-1").And.Contain("global-hand-made-2"));
        Assert.That(plan.Output, Does.Contain("delete"));

        var confirmed = await Tool.RunAsync([.. args, "--prune", "--yes"]);

        Assert.That(confirmed.ExitCode, Is.Zero, confirmed.Error);
        Assert.That(confirmed.Output, Does.Contain("global: 1 written, 0 unchanged, 2 pruned"));
        Assert.That((await Items.ScanAsync(global)).Select(i => i["name"].S), Is.EqualTo(new[] { "imdb-rest-api" }));
    }

    [Test]
    public void ThePlanHintNamesTheEngineUpUsedEvenWhenItWasTheDefault()
    {
        // `plan` without --endpoint or --aws is the offline plan, which lists nothing to delete.
        var local = new Hints(["--user", "bob"], []).WithEngine(new EngineTarget("http://127.0.0.1:8000"));
        var aws = new Hints(["--user", "bob"], []).WithEngine(EngineTarget.Aws());
        var typed = new Hints(["--user", "bob"], ["--endpoint", "http://127.0.0.1:9"]).WithEngine(new EngineTarget("http://127.0.0.1:9"));

        Assert.Multiple(() =>
        {
            Assert.That(local.LivePlan("--prune"), Is.EqualTo("`academy-sandbox plan --user bob --endpoint http://127.0.0.1:8000 --prune`"));
            Assert.That(aws.LivePlan("--prune"), Is.EqualTo("`academy-sandbox plan --user bob --aws --prune`"));
            Assert.That(typed.LivePlan(), Is.EqualTo("`academy-sandbox plan --user bob --endpoint http://127.0.0.1:9`"));
            Assert.That(local.Command("up", "--prune", "--yes"), Is.EqualTo("`academy-sandbox up --user bob --prune --yes`"), "other hints stay as typed");
        });
    }

    [Test]
    public async Task PruneThatWouldEmptyATableIsRefusedAndSaysItWouldEmptyIt()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        string[] args = ["up", "--user", user, "--endpoint", LocalEngine.Endpoint, "--project", project.Root];
        Assert.That((await Tool.RunAsync(args)).ExitCode, Is.Zero);
        project.Write("seed/items/jobs.json", "[]");
        project.Write("seed/items/global.json", """[{"name": "imdb-rest-api", "tz": "UTC", "method": "https://", "host": "example.org", "port": "", "prefix": "v1", "url": "{method}{host}{port}/{prefix}", "partitions_uri": "/partitions/{table_name}"}]""");

        var refused = await Tool.RunAsync([.. args, "--prune"]);

        Assert.That(refused.ExitCode, Is.EqualTo(ExitCodes.Failed), refused.Output + refused.Error);
        Assert.That(refused.Error, Does.Contain($"6 of the 6 item(s) in {user}-academy-jobs, emptying it"));
        Assert.That(await Items.ScanAsync($"{user}-academy-jobs"), Has.Count.EqualTo(6));
        Assert.That((await Items.ScanAsync($"{user}-academy-global")).Single()["tz"].S, Is.EqualTo("Europe/Zagreb"), "the changed global item was not written");
    }

    [Test]
    public async Task PruneOfLessThanHalfOfATableGoesAheadWithoutYes()
    {
        var user = Tool.NewUser();
        string[] args = ["up", .. Tool.LocalTarget(user)];
        Assert.That((await Tool.RunAsync(args)).ExitCode, Is.Zero);
        using var client = LocalEngine.Client();
        await client.PutItemAsync($"{user}-academy-jobs", new Dictionary<string, AttributeValue> { ["name"] = new() { S = "retired_job" } });

        var pruned = await Tool.RunAsync([.. args, "--prune"]);

        Assert.That(pruned.ExitCode, Is.Zero, pruned.Error);
        Assert.That(pruned.Output, Does.Contain("jobs: 0 written, 6 unchanged, 1 pruned"));
    }

    [Test]
    public async Task YesWithoutPruneIsRefusedAsAnOptionError()
    {
        var run = await Tool.RunAsync("up", "--yes", "--endpoint", LocalEngine.Endpoint, "--project", LocalEngine.Repo.Root);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error.Trim(), Is.EqualTo("--yes only confirms --prune; without --prune up deletes nothing"));
        Assert.That(run.Output, Is.Empty);
    }

    private static async Task<Dictionary<string, AttributeValue>> Snapshot(string table) =>
        (await Items.ScanAsync(table)).ToDictionary(i => i["name"].S, i => new AttributeValue { M = i });
}
