using Academy.Sandbox.Cli;
using Academy.Sandbox.Tests.Support;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Tests.Down;

/// <summary>`academy-sandbox down` against the local engine.</summary>
public sealed class DownTests
{
    private static async Task<List<string>> TablesOfAsync(string user)
    {
        using var client = LocalEngine.Client();
        var names = new List<string>();
        string? start = null;
        do
        {
            var page = await client.ListTablesAsync(new ListTablesRequest { ExclusiveStartTableName = start });
            names.AddRange((page.TableNames ?? []).Where(n => n.StartsWith(user + "-", StringComparison.Ordinal)));
            start = page.LastEvaluatedTableName;
        }
        while (start is not null);

        return names;
    }

    [Test]
    public async Task ItDeletesTheLearnersTablesSaysWhichAndUpStartsOver()
    {
        var user = Tool.NewUser();
        var other = Tool.NewUser();
        Assert.That((await Tool.RunAsync("up", "--user", user, "--endpoint", LocalEngine.Endpoint)).ExitCode, Is.Zero);
        Assert.That((await Tool.RunAsync("up", "--user", other, "--endpoint", LocalEngine.Endpoint)).ExitCode, Is.Zero);

        var run = await Tool.RunAsync("down", "--user", user, "--endpoint", LocalEngine.Endpoint);

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Output, Does.Contain($"table {user}-academy-global: deleted, with every item in it")
            .And.Contains($"table {user}-academy-jobs: deleted").And.Contains("deleted 2 table(s)"));
        Assert.That(await TablesOfAsync(user), Is.Empty);
        Assert.That(await TablesOfAsync(other), Has.Count.EqualTo(2), "another learner's tables are untouched");
        var up = await Tool.RunAsync("up", "--user", user, "--endpoint", LocalEngine.Endpoint);
        Assert.That(up.Output, Does.Contain("created, ACTIVE"));
    }

    [Test]
    public async Task TheWayOutOfATableWithOtherKeysDeletesThatTableAloneAndKeepsTheHandMadeOneBesideIt()
    {
        var user = Tool.NewUser();
        await OnDemandTable.CreateAsync($"{user}-academy-global", "id", Amazon.DynamoDBv2.ScalarAttributeType.N);
        await CourseSteps.CreateTableAsync($"{user}-academy-jobs");
        await CourseSteps.PutItemAsync($"{user}-academy-jobs", """{"name": {"S": "hand_made_job"}}""");
        string[] scope = ["--user", user, "--endpoint", LocalEngine.Endpoint];
        var adopt = await Tool.RunAsync(["adopt", .. scope]);
        var up = await Tool.RunAsync(["up", .. scope]);
        var hint = "`academy-sandbox down --user " + user + " --endpoint " + LocalEngine.Endpoint + " --table global`";

        var down = await Tool.RunAsync(["down", .. scope, "--table", "global"]);
        var again = await Tool.RunAsync(["down", .. scope, "--table", "global"]);

        Assert.Multiple(async () =>
        {
            Assert.That(adopt.Output, Does.Contain($"way out: delete it with {hint} (its items go with it, the other table stays"));
            Assert.That(up.Error, Does.Contain($"Delete it with {hint} (its items go with it; the learner's other tables stay)"));
            Assert.That(down.ExitCode, Is.Zero, down.Error);
            Assert.That(down.Output, Does.Contain("deleted 1 table(s)").And.Not.Contain("-academy-jobs"));
            Assert.That(again.Output, Does.Contain($"nothing deleted: table {user}-academy-global does not exist"), "the other table does");
            Assert.That(await TablesOfAsync(user), Is.EqualTo(new[] { $"{user}-academy-jobs" }));
            Assert.That((await Items.ScanAsync($"{user}-academy-jobs")).Select(i => i["name"].S), Is.EqualTo(new[] { "hand_made_job" }));
        });
    }

    [Test]
    public async Task ATableTheCatalogDoesNotDeclareIsAUsageErrorNamingTheTablesAndNothingIsDeleted()
    {
        var user = Tool.NewUser();
        Assert.That((await Tool.RunAsync("up", "--user", user, "--endpoint", LocalEngine.Endpoint)).ExitCode, Is.Zero);

        var run = await Tool.RunAsync("down", "--user", user, "--endpoint", LocalEngine.Endpoint, "--table", "gloabl");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error.Trim(), Is.EqualTo("error: --table gloabl: the catalog declares no such table; its tables are global, jobs; nothing was deleted"));
        Assert.That(await TablesOfAsync(user), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task InAwsTheConfirmationOfOneTableDeletesThatTableOnly()
    {
        var run = await Tool.RunAsync("down", "--aws", "--user", "zed", "--table", "jobs");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failed));
        Assert.That(run.Error.Trim(), Is.EqualTo(
            "error: down --aws deletes zed-academy-jobs and every item in them from your AWS account; nothing was deleted. "
            + "Confirm with `academy-sandbox down --user zed --aws --table jobs --yes-delete-aws-tables`"));
    }

    [Test]
    public async Task TablesThatDoNotExistAreNotAnError()
    {
        var user = Tool.NewUser();
        await CourseSteps.CreateTableAsync($"{user}-academy-global");

        var run = await Tool.RunAsync("down", "--user", user, "--endpoint", LocalEngine.Endpoint);
        var again = await Tool.RunAsync("down", "--user", user, "--endpoint", LocalEngine.Endpoint);

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Output, Does.Contain($"table {user}-academy-jobs: does not exist; nothing to delete").And.Contains("deleted 1 table(s)"));
        Assert.That(again.ExitCode, Is.Zero, again.Error);
        Assert.That(again.Output, Does.Contain("nothing deleted: none of the learner's tables exists"));
    }

    [Test]
    public async Task InAwsNothingIsDeletedWithoutTheConfirmationFlag()
    {
        var run = await Tool.RunAsync("down", "--aws", "--user", "zed");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failed));
        Assert.That(run.Error.Trim(), Is.EqualTo(
            "error: down --aws deletes zed-academy-global, zed-academy-jobs and every item in them from your AWS account; nothing was deleted. "
            + "Confirm with `academy-sandbox down --user zed --aws --yes-delete-aws-tables`"));
        Assert.That(run.Output, Is.Empty);
    }

    [Test]
    public async Task TheKeyConflictOfUpPointsAtDown()
    {
        var user = Tool.NewUser();
        await OnDemandTable.CreateAsync($"{user}-academy-global", "id", Amazon.DynamoDBv2.ScalarAttributeType.N);

        var up = await Tool.RunAsync("up", "--user", user, "--endpoint", LocalEngine.Endpoint);
        Assert.That(up.Error, Does.Contain($"Delete it with `academy-sandbox down --user {user} --endpoint {LocalEngine.Endpoint} --table global`"), "a hint to paste as it is");

        Assert.That((await Tool.RunAsync("down", "--user", user, "--endpoint", LocalEngine.Endpoint, "--table", "global")).ExitCode, Is.Zero);
        Assert.That((await Tool.RunAsync("up", "--user", user, "--endpoint", LocalEngine.Endpoint)).ExitCode, Is.Zero, "the way out works");
    }
}
