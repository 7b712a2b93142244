using Academy.Catalog;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Config;
using Academy.Sandbox.Tests.Support;

namespace Academy.Sandbox.Tests.Adopt;

/// <summary>A learner who did the course's manual steps and adopts before `pulumi stack init`.</summary>
public sealed class NoStackYetTests
{
    [Test]
    public async Task AdoptWithAStackWhoseFileDoesNotExistCreatesItWithTheAdoptConfig()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        await CourseSteps.CreateTableAsync($"{user}-academy-global");
        await CourseSteps.PutItemAsync($"{user}-academy-global", CourseSteps.ImdbRestApiItem);
        var stackFile = Path.Combine(project.Root, $"Pulumi.{user}.yaml");

        var run = await Tool.RunAsync("adopt", "--stack", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Output + run.Error);
        Assert.That(run.Output, Does.Contain($"created Pulumi.{user}.yaml (it did not exist) with academy:adopt (1 table(s), 1 item(s) to import):"));
        Assert.That(File.ReadAllText(stackFile), Is.EqualTo("config:\n  academy:adopt:\n    global:\n      - imdb-rest-api\n"));

        // What the Pulumi program reads from it: the learner named by the stack, the item to import.
        var catalog = CatalogBuilder.Build(StackFileConfigSource.Load(project.Paths, user), project.Paths);
        Assert.That(catalog.Settings.User, Is.EqualTo(user));
        Assert.That(catalog.Adopt.Tables, Is.EquivalentTo(new[] { "global" }));
        Assert.That(catalog.Adopt.Items.Select(i => $"{i.Table}-{i.Key}"), Is.EquivalentTo(new[] { "global-imdb-rest-api" }));

        var again = await Tool.RunAsync("adopt", "--stack", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint);
        Assert.That(again.Output, Does.Contain($"wrote academy:adopt into Pulumi.{user}.yaml"));
        Assert.That(File.ReadAllText(stackFile), Is.EqualTo("config:\n  academy:adopt:\n    global:\n      - imdb-rest-api\n"));
    }

    [TestCase("acme/{0}")]
    [TestCase("acme/academy/{0}")]
    public async Task AQualifiedStackIsTheLearnerOfItsLastPartWhetherOrNotItsFileExistsYet(string qualified)
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        await CourseSteps.CreateTableAsync($"{user}-academy-global");
        await CourseSteps.PutItemAsync($"{user}-academy-global", CourseSteps.ImdbRestApiItem);
        var stack = string.Format(System.Globalization.CultureInfo.InvariantCulture, qualified, user);

        var created = await Tool.RunAsync("adopt", "--stack", stack, "--project", project.Root, "--endpoint", LocalEngine.Endpoint);
        var again = await Tool.RunAsync("adopt", "--stack", stack, "--project", project.Root, "--endpoint", LocalEngine.Endpoint);

        Assert.Multiple(() =>
        {
            Assert.That(created.ExitCode, Is.EqualTo(ExitCodes.Ok), created.Output + created.Error);
            Assert.That(created.Output, Does.Contain($"adopt: learner {user} at").And.Contain($"created Pulumi.{user}.yaml (it did not exist)"), "Pulumi hands the program the stack's last part");
            Assert.That(again.ExitCode, Is.EqualTo(ExitCodes.Ok), again.Output + again.Error);
            Assert.That(again.Output, Does.Contain($"wrote academy:adopt into Pulumi.{user}.yaml"), "the file made by the first run is read, not taken for missing");
            Assert.That(File.ReadAllText(Path.Combine(project.Root, $"Pulumi.{user}.yaml")), Is.EqualTo("config:\n  academy:adopt:\n    global:\n      - imdb-rest-api\n"));
        });
    }
}
