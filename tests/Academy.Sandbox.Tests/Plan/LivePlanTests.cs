using System.Text.Json;
using System.Text.RegularExpressions;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Tests.Support;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Tests.Plan;

/// <summary>`plan --endpoint`: what `up` would change in the live tables, as `pulumi preview` shows it, without writing anything.</summary>
public sealed partial class LivePlanTests
{
    [Test]
    public async Task PlanThenUpThenPlanAgainShowsNothingToChangeAndPlanCreatesNoTable()
    {
        var user = Tool.NewUser();
        var target = Tool.LocalTarget(user);

        var first = await Tool.RunAsync(["plan", .. target]);

        Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.Ok), first.Error);
        Assert.That(first.Output, Does.Contain($"  table {user}-academy-global: create (HASH name (S); PROVISIONED 1 read / 1 write)")
            .And.Contain("    create     global-imdb-rest-api (seed/items/global.json)")
            .And.Contain("up would create 2 table(s), create 7 item(s) (0 unchanged)"));
        Assert.That(await TablesAsync(user), Is.Empty, "plan created no table");

        var up = await Tool.RunAsync(Pasted(first.Output));
        Assert.That(up.ExitCode, Is.EqualTo(ExitCodes.Ok), up.Error);

        var again = await Tool.RunAsync(["plan", .. target]);
        var json = await Tool.RunAsync(["plan", "--json", .. target]);

        Assert.That(again.Output, Does.Contain("nothing to change: up would write nothing (7 unchanged)").And.Contain("    unchanged  jobs-title_crew"));
        Assert.That(JsonDocument.Parse(json.Output).RootElement.GetProperty("changes").GetInt32(), Is.Zero);
    }

    [Test]
    public async Task PlanListsEachChangeWithOldAndNewValuesWritesNothingAndItsHintDoesIt()
    {
        var user = Tool.NewUser();
        var target = Tool.LocalTarget(user);
        Assert.That((await Tool.RunAsync(["up", .. target])).ExitCode, Is.EqualTo(ExitCodes.Ok));
        using var client = LocalEngine.Client();
        await client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = $"{user}-academy-global",
            Key = new() { ["name"] = new() { S = "imdb-rest-api" } },
            UpdateExpression = "SET tz = :tz, last_run = :run",
            ExpressionAttributeValues = new() { [":tz"] = new() { S = "UTC" }, [":run"] = new() { S = "2026-12-01" } },
        });
        await client.DeleteItemAsync($"{user}-academy-jobs", new() { ["name"] = new() { S = "title_crew" } });
        await client.PutItemAsync($"{user}-academy-jobs", new() { ["name"] = new() { S = "old_job" }, ["enabled"] = new() { BOOL = false } });
        var before = await SnapshotAsync(user);

        var plan = await Tool.RunAsync(["plan", .. target]);
        var pruned = await Tool.RunAsync(["plan", "--prune", .. target]);
        var json = await Tool.RunAsync(["plan", "--prune", "--json", .. target]);

        Assert.Multiple(() =>
        {
            Assert.That(plan.ExitCode, Is.EqualTo(ExitCodes.Ok), plan.Error);
            Assert.That(plan.Output, Does.Contain(
                "    update     global-imdb-rest-api (seed/items/global.json)\n"
                + "                 last_run: {\"S\":\"2026-12-01\"} -> (removed)\n"
                + "                 tz: {\"S\":\"UTC\"} -> {\"S\":\"Europe/Zagreb\"}\n"));
            Assert.That(plan.Output, Does.Contain("    create     jobs-title_crew (seed/items/jobs.json)"));
            Assert.That(plan.Output, Does.Contain($"    keep       jobs-old_job: not in the catalog, kept (`academy-sandbox up --user {user} --project {LocalEngine.Repo.Root} --endpoint {LocalEngine.Endpoint} --prune` deletes it)"));
            Assert.That(plan.Output, Does.Contain("up would create 1 item(s), update 1 item(s) (5 unchanged, 1 kept)"));
            Assert.That(pruned.Output, Does.Contain("    delete     jobs-old_job: not in the catalog")
                .And.Contain("up would create 1 item(s), update 1 item(s), delete 1 item(s) (5 unchanged)"));
            var items = JsonDocument.Parse(json.Output).RootElement.GetProperty("tables").EnumerateArray()
                .SelectMany(t => t.GetProperty("items").EnumerateArray())
                .ToDictionary(i => i.GetProperty("item").GetString()!, i => i);
            Assert.That(items["global-imdb-rest-api"].GetProperty("action").GetString(), Is.EqualTo("update"));
            Assert.That(items["global-imdb-rest-api"].GetProperty("attributes")[1].GetProperty("old").GetProperty("S").GetString(), Is.EqualTo("UTC"));
            Assert.That(items["jobs-old_job"].GetProperty("action").GetString(), Is.EqualTo("delete"));
            Assert.That(items["jobs-title_crew"].GetProperty("action").GetString(), Is.EqualTo("create"));
        });
        Assert.That(await SnapshotAsync(user), Is.EqualTo(before), "plan wrote nothing");

        var up = await Tool.RunAsync(Pasted(pruned.Output));
        var after = await Tool.RunAsync(["plan", "--prune", .. target]);

        Assert.That(up.ExitCode, Is.EqualTo(ExitCodes.Ok), up.Error);
        Assert.That(after.Output, Does.Contain("nothing to change: up would write nothing (7 unchanged)"));
    }

    [Test]
    public async Task ATableWhoseSettingsDifferIsShownAsUpLeavesIt()
    {
        var user = Tool.NewUser();
        using var client = LocalEngine.Client();
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = $"{user}-academy-jobs",
            AttributeDefinitions = [new AttributeDefinition("name", "S")],
            KeySchema = [new KeySchemaElement("name", "HASH")],
            ProvisionedThroughput = new ProvisionedThroughput(5, 2),
        });

        var plan = await Tool.RunAsync(["plan", .. Tool.LocalTarget(user)]);

        Assert.That(plan.Output, Does.Contain($"  table {user}-academy-jobs: exists, but its settings differ from the catalog (billing: live PROVISIONED 5 read / 2 write, catalog PROVISIONED 1 read / 1 write); up leaves them as they are"));
    }

    [Test]
    public async Task PruneWithoutATargetIsAUsageErrorAndPlanWithoutOneStaysOffline()
    {
        var prune = await Tool.RunAsync("plan", "--prune", "--project", LocalEngine.Repo.Root);
        var offline = await Tool.RunAsync("plan", "--user", "bob", "--project", LocalEngine.Repo.Root);

        Assert.That(prune.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(prune.Error.Trim(), Is.EqualTo("--prune shows what up --prune would delete from the live tables, so it needs --endpoint or --aws"));
        Assert.That(offline.ExitCode, Is.EqualTo(ExitCodes.Ok));
        Assert.That(offline.Output, Does.StartWith("Learner bob ").And.Contain("Items (7)"));
    }

    [Test]
    public async Task ATableWithOtherKeysIsRefusedAsUpRefusesIt()
    {
        var user = Tool.NewUser();
        using var client = LocalEngine.Client();
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = $"{user}-academy-global",
            AttributeDefinitions = [new AttributeDefinition("id", "N")],
            KeySchema = [new KeySchemaElement("id", "HASH")],
            ProvisionedThroughput = new ProvisionedThroughput(1, 1),
        });

        var plan = await Tool.RunAsync(["plan", .. Tool.LocalTarget(user)]);
        var up = await Tool.RunAsync(["up", .. Tool.LocalTarget(user)]);

        Assert.That(plan.ExitCode, Is.EqualTo(ExitCodes.Failed));
        Assert.That(plan.Error, Is.EqualTo(up.Error));
    }

    [Test]
    public async Task ASecretItemIsSkippedAndNoneOfItsValuesIsPrinted()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        SecretStackFiles.SecretTokenItem(project, user);
        string[] target = ["--stack", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint];
        Assert.That((await Tool.RunAsync(["up", .. target])).ExitCode, Is.EqualTo(ExitCodes.Ok));
        using var client = LocalEngine.Client();
        await client.PutItemAsync($"{user}-academy-global", new() { ["name"] = new() { S = "api-token" }, ["token"] = new() { S = "hunter2" } });

        var text = await Tool.RunAsync(["plan", .. target]);
        var json = await Tool.RunAsync(["plan", "--json", .. target]);

        Assert.That(text.Output, Does.Contain("    skip       global-api-token (config academy:items.global): from a Pulumi secret, which only `pulumi up` writes"));
        Assert.That(text.Output + json.Output, Does.Not.Contain("hunter2").And.Not.Contain("Wm9vYmFy"));
        Assert.That(json.Output, Does.Contain("\"action\": \"skip\""));
    }

    private static Task<List<string>> TablesAsync(string user) => LocalEngine.TablesAsync(user + "-");

    private static async Task<List<string>> SnapshotAsync(string user)
    {
        var items = new List<string>();
        foreach (var table in await TablesAsync(user))
        {
            items.AddRange((await Items.ScanAsync(table)).Select(i => table + " " + Items.Canonical(i)).Order(StringComparer.Ordinal));
        }

        return items;
    }

    // The command the last line suggests, split as a shell splits these plain words.
    private static string[] Pasted(string output) =>
        LastCommand().Match(output.TrimEnd().Split('\n')[^1]).Groups[1].Value.Split(' ');

    [GeneratedRegex("`academy-sandbox ([^`]*)`")]
    private static partial Regex LastCommand();
}
