using Academy.Catalog;
using Academy.Catalog.Settings;
using Academy.Sandbox.Adopt;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Tests.Support;

namespace Academy.Sandbox.Tests.Adopt;

/// <summary>A learner who did the course's manual steps before any code existed, then adopts.</summary>
public sealed class CoursePathTests
{
    private static Catalog.Catalog CatalogFor(string user) => CatalogBuilder.Build(new DictionaryConfigSource(user), LocalEngine.Repo);

    private static async Task<AdoptReport> InspectAsync(string user)
    {
        using var client = LocalEngine.Client();
        return await AdoptInspector.InspectAsync(client, CatalogFor(user), CancellationToken.None);
    }

    [Test]
    public async Task TheCoursesHandMadeTablesAndItemAreImportedWhole()
    {
        TestContext.Out.WriteLine($"manual steps with {CourseSteps.Client}");
        var user = Tool.NewUser();
        await CourseSteps.CreateTableAsync($"{user}-academy-global");
        await CourseSteps.CreateTableAsync($"{user}-academy-jobs");
        await CourseSteps.PutItemAsync($"{user}-academy-global", CourseSteps.ImdbRestApiItem);

        var report = await InspectAsync(user);

        Assert.That(report.Ready, Is.True);
        Assert.That(report.Config.ToJson(), Is.EqualTo("""{"global":["imdb-rest-api"],"jobs":[]}"""));
        Assert.That(report.Tables.Select(t => t.Notes.Single()), Has.All.StartWith("tags: catalog course=data-engineering-academy, learner=" + user + ", managed-by=pulumi, live none;"),
            "hand-made tables have none of the catalog's tags; pulumi adds them after the import");
        var global = report.Tables.Single(t => t.Table.Key == "global");
        Assert.That(global.Items.Single().State, Is.EqualTo(AdoptItemState.Identical));
        Assert.That(report.Tables.Single(t => t.Table.Key == "jobs").Items.Select(i => i.State), Is.EqualTo(Enumerable.Repeat(AdoptItemState.Missing, 6)));
    }

    [Test]
    public async Task AHandMadeItemThatDiffersIsNamedWithItsAttributeAndBothWaysOut()
    {
        var user = Tool.NewUser();
        await CourseSteps.CreateTableAsync($"{user}-academy-global");
        await CourseSteps.PutItemAsync($"{user}-academy-global", CourseSteps.ImdbRestApiItem.Replace("Europe/Zagreb", "UTC", StringComparison.Ordinal));

        var report = await InspectAsync(user);
        var output = new StringWriter();
        AdoptPrinter.Findings(report, "the engine", new Hints(["--user", user], []), output);
        AdoptPrinter.Config(report, null, output);

        Assert.That(report.Ready, Is.False);
        // Left out: Pulumi would import it and then overwrite the learner's item with the catalog's.
        Assert.That(report.Config.ToJson(), Is.EqualTo("""{"global":[]}"""));
        Assert.That(output.ToString(), Does.Contain("differs   global-imdb-rest-api (declared in seed/items/global.json)")
            .And.Contains("tz: catalog {\"S\":\"Europe/Zagreb\"}, live {\"S\":\"UTC\"}")
            .And.Contains($"make the live item match the catalog: `academy-sandbox up --user {user}` (without --prune)")
            .And.Contains($"or take the live item into the catalog: `academy-sandbox export --stack {user} --user {user} --table global --item imdb-rest-api` writes it into academy:items in Pulumi.{user}.yaml")
            .And.Contains("not ready: 1 difference(s)"));
        Assert.That(output.ToString(), Does.Not.Contain("identical"));

        // The first way out, then adopt again: now it is listed.
        Assert.That((await Tool.RunAsync("up", "--user", user, "--endpoint", LocalEngine.Endpoint)).ExitCode, Is.Zero);
        var resolved = await InspectAsync(user);
        Assert.That(resolved.Ready, Is.True);
        Assert.That(resolved.Config.ToJson(), Does.StartWith("""{"global":["imdb-rest-api"],"jobs":["""));
    }
}
