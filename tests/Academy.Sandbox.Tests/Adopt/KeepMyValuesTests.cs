using Academy.Sandbox.Cli;
using Academy.Sandbox.Tests.Support;

namespace Academy.Sandbox.Tests.Adopt;

/// <summary>
/// The course's learner made the global table and its item by hand with a value of their own, and an
/// empty (or no) jobs table; adopt's "take the live item into the catalog" way out, pasted as printed.
/// </summary>
public sealed class KeepMyValuesTests
{
    [TestCase(true, TestName = "KeepingMyValueByPastingAdoptsHintsEndsIdenticalAndImportableWithAnEmptyJobsTable")]
    [TestCase(false, TestName = "KeepingMyValueByPastingAdoptsHintsEndsIdenticalAndImportableWithNoJobsTable")]
    public async Task KeepingMyValueByPastingAdoptsHintsEndsIdenticalAndImportable(bool jobsTable)
    {
        using var project = new ScratchProject();
        var seed = SeedFiles(project);
        var user = Tool.NewUser();
        await CourseSteps.CreateTableAsync($"{user}-academy-global");
        if (jobsTable)
        {
            await CourseSteps.CreateTableAsync($"{user}-academy-jobs");
        }

        await CourseSteps.PutItemAsync($"{user}-academy-global", CourseSteps.ImdbRestApiItem.Replace("Europe/Zagreb", "UTC", StringComparison.Ordinal));

        var adopt = await Tool.RunAsync("adopt", "--user", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint);
        Assert.That(adopt.ExitCode, Is.EqualTo(ExitCodes.Drift), adopt.Output + adopt.Error);

        var export = await PastedHint.RunAsync(adopt.Output, "or take the live item into the catalog: ");
        Assert.That(export.ExitCode, Is.EqualTo(ExitCodes.Ok), export.Output + export.Error);

        var again = await PastedHint.RunAsync(export.Output, "next: ");
        Assert.That(again.ExitCode, Is.EqualTo(ExitCodes.Ok), again.Output + again.Error);
        Assert.That(again.Output, Does.Contain("identical global-imdb-rest-api: import").And.Not.Contains("differs"));
        Assert.That(File.ReadAllText(Path.Combine(project.Root, $"Pulumi.{user}.yaml")), Does.Contain("    global:\n      - imdb-rest-api\n"),
            "academy:adopt lists the item for import");
        Assert.That(SeedFiles(project), Is.EqualTo(seed), "the shared seed files, every learner's catalog, are not changed");
    }

    [Test]
    public async Task AnItemWithASetIsHintedIntoTheSeedFilesWhichCanHoldItAndPastingTheHintWorks()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        await CourseSteps.CreateTableAsync($"{user}-academy-global");
        await CourseSteps.PutItemAsync($"{user}-academy-global", CourseSteps.ImdbRestApiItem);
        await CourseSteps.PutItemAsync($"{user}-academy-global", """{"name": {"S": "mock-api"}, "regions": {"SS": ["eu-west-1", "eu-central-1"]}}""");
        string[] adoptArgs = ["adopt", "--user", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint];

        var adopt = await Tool.RunAsync(adoptArgs);
        var export = await PastedHint.RunAsync(adopt.Output, "undeclared global-mock-api: not in the catalog; left as it is (never deleted), pulumi ignores it; ");

        Assert.That(export.ExitCode, Is.EqualTo(ExitCodes.Ok), export.Output + export.Error);
        var again = await Tool.RunAsync(adoptArgs);
        Assert.That(again.Output, Does.Contain("identical global-mock-api: import"));
        Assert.That(File.ReadAllText(Path.Combine(project.Root, "seed/items/global.dynamodb.json")), Does.Contain("\"regions\": {\"SS\":"));
    }

    [Test]
    public async Task AHandMadeItemMissingWhatTheJobsNeedIsNotOfferedToTheCatalogAndUpIsTheWayOut()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        await CourseSteps.CreateTableAsync($"{user}-academy-global");
        await CourseSteps.PutItemAsync($"{user}-academy-global", """{"name": {"S": "imdb-rest-api"}, "tz": {"S": "UTC"}}""");
        string[] scope = ["--user", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint];

        var adopt = await Tool.RunAsync(["adopt", .. scope]);
        var export = await Tool.RunAsync(["export", "--stack", user, .. scope, "--table", "global", "--item", "imdb-rest-api"]);
        var up = await PastedHint.RunAsync(adopt.Output, "make the live item match the catalog: ");

        Assert.Multiple(() =>
        {
            Assert.That(adopt.Output, Does.Contain($"(taking the live item into the catalog cannot work as it is: live table {user}-academy-global: item 'imdb-rest-api': attribute "));
            Assert.That(adopt.Output, Does.Not.Contain("or take the live item into the catalog"), "a way out export refuses");
            Assert.That(export.ExitCode, Is.EqualTo(ExitCodes.CatalogInvalid), "what export says when asked anyway");
            Assert.That(up.ExitCode, Is.EqualTo(ExitCodes.Ok), up.Error);
        });
    }

    [Test]
    public async Task AnUndeclaredItemTheJobsCannotUseIsNotOfferedToTheCatalog()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        string[] scope = ["--user", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint];
        Assert.That((await Tool.RunAsync(["up", .. scope])).ExitCode, Is.Zero);
        await CourseSteps.PutItemAsync($"{user}-academy-jobs", """{"name": {"S": "extra"}, "x": {"S": "1"}}""");

        var adopt = await Tool.RunAsync(["adopt", .. scope]);
        var export = await Tool.RunAsync(["export", "--stack", user, .. scope, "--table", "jobs", "--item", "extra"]);

        var line = adopt.Output.Split('\n').Single(l => l.Contains("undeclared jobs-extra", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(line, Does.Contain($"taking it into the catalog cannot work as it is: live table {user}-academy-jobs: item 'extra'").And.Not.Contain("academy-sandbox export"));
            Assert.That(export.ExitCode, Is.EqualTo(ExitCodes.CatalogInvalid), "what export says when asked anyway");
        });
    }

    private static Dictionary<string, string> SeedFiles(ScratchProject project) =>
        Directory.GetFiles(Path.Combine(project.Root, "seed"), "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText);
}
