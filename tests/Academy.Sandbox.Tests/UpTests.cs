using Academy.Sandbox.Cli;
using Academy.Sandbox.Tests.Support;
using Academy.Sandbox.Up;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Tests;

public sealed class UpTests
{
    private static string Global(string user) => $"{user}-academy-global";

    private static string Jobs(string user) => $"{user}-academy-jobs";

    [Test]
    public async Task RunningUpTwiceChangesNothingTheSecondTime()
    {
        var user = Tool.NewUser();
        var first = await Tool.RunAsync("up", "--user", user, "--endpoint", LocalEngine.Endpoint, "--project", LocalEngine.Repo.Root);
        Assert.That(first.ExitCode, Is.Zero, first.Error);
        Assert.That(first.Output, Does.Contain("7 written"));

        using var client = LocalEngine.Client();
        var second = await new UpRunner(client, TextWriter.Null, concurrency: 4)
            .RunAsync(Academy.Catalog.CatalogBuilder.Build(new Academy.Catalog.Settings.DictionaryConfigSource(user), LocalEngine.Repo), prune: false, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(second.ChangedNothing, Is.True);
            Assert.That(second.Written, Is.Zero);
            Assert.That(second.Unchanged, Is.EqualTo(7));
            Assert.That(second.Tables.All(t => !t.Created), Is.True);
        });

        var third = await Tool.RunAsync("up", "--user", user, "--endpoint", LocalEngine.Endpoint, "--project", LocalEngine.Repo.Root);
        Assert.That(third.Output, Does.Contain("0 written").And.Contain("7 unchanged").And.Contain("nothing changed"));
    }

    [Test]
    public async Task PruneRemovesExactlyTheUndeclaredItems()
    {
        var user = Tool.NewUser();
        var args = new[] { "up", "--user", user, "--endpoint", LocalEngine.Endpoint, "--project", LocalEngine.Repo.Root };
        Assert.That((await Tool.RunAsync(args)).ExitCode, Is.Zero);
        using var client = LocalEngine.Client();
        foreach (var (table, name) in new[] { (Global(user), "stale-source"), (Global(user), "old-api"), (Jobs(user), "retired_job") })
        {
            await client.PutItemAsync(table, new Dictionary<string, AttributeValue> { ["name"] = new() { S = name }, ["note"] = new() { S = "not in the catalog" } });
        }

        var kept = await Tool.RunAsync(args);
        Assert.That(kept.ExitCode, Is.Zero, kept.Error);
        Assert.That(kept.Output, Does.Contain("kept 2 item(s)").And.Contain("old-api").And.Contain("stale-source").And.Contain("retired_job"));
        Assert.That(await Keys(Global(user)), Is.EquivalentTo(new[] { "imdb-rest-api", "old-api", "stale-source" }), "without --prune nothing is deleted");

        var pruned = await Tool.RunAsync([.. args, "--prune", "--yes"]);
        Assert.That(pruned.ExitCode, Is.Zero, pruned.Error);
        Assert.That(pruned.Output, Does.Contain("2 pruned").And.Contain("1 pruned"));
        Assert.That(await Keys(Global(user)), Is.EquivalentTo(new[] { "imdb-rest-api" }));
        Assert.That(await Keys(Jobs(user)), Is.EquivalentTo(new[] { "name_basics", "title_basics", "title_crew", "title_episode", "title_principals", "title_ratings" }));
    }

    [Test]
    public async Task ATableWithADifferentKeySchemaIsAnErrorAndIsLeftAlone()
    {
        var user = Tool.NewUser();
        using var client = LocalEngine.Client();
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = Global(user),
            AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.N)],
            KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
            ProvisionedThroughput = new ProvisionedThroughput(1, 1),
        });

        var run = await Tool.RunAsync("up", "--user", user, "--endpoint", LocalEngine.Endpoint, "--project", LocalEngine.Repo.Root);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failed));
        Assert.That(run.Error, Does.Contain(Global(user)).And.Contain("HASH id (N)").And.Contain("HASH name (S)"));
        var table = (await client.DescribeTableAsync(Global(user))).Table;
        Assert.That(table.KeySchema.Single().AttributeName, Is.EqualTo("id"), "never rewritten");
        Assert.That(await Items.ScanAsync(Global(user)), Is.Empty, "nothing written into it");
    }

    [Test]
    public async Task ASecretItemIsMaskedInPlanAndNeverWritten()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        SecretStackFiles.SecretTokenItem(project, user);

        var plan = await Tool.RunAsync("plan", "--stack", user, "--project", project.Root);
        Assert.That(plan.ExitCode, Is.Zero, plan.Error);
        Assert.That(plan.Output, Does.Contain("global-api-token").And.Contain("\"token\":{\"S\":\"***\"}").And.Not.Contain(SecretStackFiles.Ciphertext));

        var up = await Tool.RunAsync("up", "--stack", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint);
        Assert.That(up.ExitCode, Is.Zero, up.Error);
        Assert.That(up.Output, Does.Contain("skipped global-api-token").And.Contain("secret"));
        Assert.That(await Keys(Global(user)), Is.EquivalentTo(new[] { "imdb-rest-api" }));
    }

    private static async Task<List<string>> Keys(string table) => (await Items.ScanAsync(table)).Select(i => i["name"].S).ToList();
}
