using System.Text.Json;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Tests.Support;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Tests.Course;

/// <summary>The sandbox over a roster, against the real local engine: every learner at once, one line each.</summary>
public sealed class CourseTests
{
    private static (ScratchProject Project, string[] Names, string[] Args) Course()
    {
        var project = new ScratchProject();
        var names = new[] { Tool.NewUser(), Tool.NewUser(), Tool.NewUser() };
        project.Write("roster.yaml", $"""
            learners:
              - {names[0]}
              - name: {names[1]}
                tags: {"{team: platform}"}
              - name: {names[2]}
                items:
                  global:
                    - name: imdb-rest-api
                      tz: Asia/Tokyo
                      method: https://
                      host: example.org
                      port: ""
                      prefix: v1
                      url: "{"{method}{host}{port}/{prefix}"}"
                      partitions_uri: /partitions/{"{table_name}"}
                      jobs: '["title_ratings","title_crew","name_basics","title_episode","title_basics","title_principals"]'
            """);
        return (project, names, ["--roster", Path.Combine(project.Root, "roster.yaml"), "--project", project.Root, "--endpoint", LocalEngine.Endpoint]);
    }

    private static async Task<bool> TableExists(string name)
    {
        using var client = LocalEngine.Client();
        try
        {
            await client.DescribeTableAsync(name);
            return true;
        }
        catch (ResourceNotFoundException)
        {
            return false;
        }
    }

    [Test]
    public async Task UpWritesEveryLearnersTablesWithTheirOwnFieldsAndVerifyFindsThemInStep()
    {
        var (project, names, args) = Course();
        using var _ = project;

        var up = await Tool.RunAsync(["up", .. args]);
        var again = await Tool.RunAsync(["up", .. args]);
        var verify = await Tool.RunAsync(["verify", .. args]);

        using var client = LocalEngine.Client();
        var item = await client.GetItemAsync($"{names[2]}-academy-global", new Dictionary<string, AttributeValue> { ["name"] = new() { S = "imdb-rest-api" } });
        Assert.Multiple(() =>
        {
            Assert.That(up.ExitCode, Is.Zero, up.Error);
            Assert.That(up.Output.Split('\n').Count(l => l.Contains(" ok ", StringComparison.Ordinal)), Is.EqualTo(3), up.Output);
            Assert.That(up.Output, Does.Contain("course: 3 learner(s), 3 up, 0 failed; 6 table(s) created, 21 written, 0 unchanged, 0 pruned"));
            Assert.That(item.Item["tz"].S, Is.EqualTo("Asia/Tokyo"), "the learner's own item replaced the seed item");
            Assert.That(again.Output, Does.Contain("0 table(s) created, 0 written, 21 unchanged"), "a second up changes nothing");
            Assert.That(verify.ExitCode, Is.Zero, verify.Output);
            Assert.That(verify.Output, Does.Contain("course: 3 learner(s), 3 in step, 0 drifted, 0 failed"));
        });
        TestContext.Out.WriteLine(up.Output);
    }

    [Test]
    public async Task DownDeletesEveryLearnersTablesForTheCoursesTeardownAndLearnerOnlyTheirs()
    {
        var (project, names, args) = Course();
        using var _ = project;
        Assert.That((await Tool.RunAsync(["up", .. args])).ExitCode, Is.Zero);

        var one = await Tool.RunAsync(["down", .. args, "--learner", names[0]]);
        Assert.That(one.ExitCode, Is.Zero, one.Error);
        Assert.That(await TableExists($"{names[0]}-academy-global"), Is.False);
        Assert.That(await TableExists($"{names[1]}-academy-global"), Is.True, "--learner deletes that learner's tables only");

        var all = await Tool.RunAsync(["down", .. args]);
        var left = new List<string>();
        foreach (var table in names.SelectMany(n => new[] { $"{n}-academy-global", $"{n}-academy-jobs" }))
        {
            if (await TableExists(table))
            {
                left.Add(table);
            }
        }

        var again = await Tool.RunAsync(["down", .. args]);
        Assert.Multiple(() =>
        {
            Assert.That(all.ExitCode, Is.Zero, all.Error);
            Assert.That(all.Output, Does.Contain("course: 3 learner(s), 3 done, 0 failed; 4 table(s) deleted"));
            Assert.That(left, Is.Empty, "every learner's tables are gone");
            Assert.That(again.ExitCode, Is.Zero, "tables already gone are no error");
            Assert.That(again.Output, Does.Contain("0 table(s) deleted"));
        });
    }

    [Test]
    public async Task DownOverARosterInAwsNeedsItsConfirmationAndTheHintKeepsTheRoster()
    {
        var (project, _, args) = Course();
        using var __ = project;
        string[] aws = ["down", "--roster", args[1], "--project", project.Root, "--aws"];

        var down = await Tool.RunAsync(aws);

        Assert.That(down.ExitCode, Is.EqualTo(ExitCodes.Failed));
        Assert.That(down.Error, Does.Contain("nothing was deleted").And.Contain($"--roster {args[1]}").And.Contain("--yes-delete-aws-tables"));
    }

    [Test]
    public async Task DriftIsListedUnderTheLearnerItBelongsToAndExitsOne()
    {
        var (project, names, args) = Course();
        using var _ = project;
        Assert.That((await Tool.RunAsync(["up", .. args])).ExitCode, Is.Zero);
        using var client = LocalEngine.Client();
        await client.DeleteItemAsync($"{names[1]}-academy-jobs", new Dictionary<string, AttributeValue> { ["name"] = new() { S = "title_crew" } });

        var verify = await Tool.RunAsync(["verify", .. args]);

        var lines = verify.Output.Split('\n');
        var drifted = Array.FindIndex(lines, l => l.Contains(names[1], StringComparison.Ordinal) && l.Contains("drifted", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(verify.ExitCode, Is.EqualTo(ExitCodes.Drift));
            Assert.That(drifted, Is.GreaterThan(0), verify.Output);
            Assert.That(lines.Skip(drifted + 1).TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal)).ToList(), Has.Some.Contains("missing   jobs-title_crew"), verify.Output);
            Assert.That(verify.Output, Does.Contain("course: 3 learner(s), 2 in step, 1 drifted, 0 failed"));
        });
    }

    [Test]
    public async Task OneLearnersFailureIsReportedAndDoesNotStopTheOthers()
    {
        var (project, names, args) = Course();
        using var _ = project;
        using var client = LocalEngine.Client();
        // Someone made the middle learner's table by hand, with another key: up must refuse it and go on.
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = $"{names[1]}-academy-global",
            AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.N)],
            KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });

        var up = await Tool.RunAsync(["up", .. args]);

        Assert.Multiple(async () =>
        {
            Assert.That(up.ExitCode, Is.EqualTo(ExitCodes.Failed));
            Assert.That(up.Output, Does.Match($"{names[1]}\\s+FAILED\\s+error: .*{names[1]}-academy-global"), up.Output);
            Assert.That(up.Output, Does.Contain("course: 3 learner(s), 2 up, 1 failed"));
            Assert.That(up.Output, Does.Match($"{names[1]}\\s+FAILED.*--learner {names[1]} --table global`"), "the learner's line holds their way out");
            Assert.That(up.Output, Does.Contain("once what each failed learner's line says is resolved, `academy-sandbox up"), "a plain retry cannot help a key conflict");
            Assert.That(await TableExists($"{names[0]}-academy-jobs") && await TableExists($"{names[2]}-academy-jobs"), Is.True, "the others were written");
        });
    }

    [Test]
    public async Task APruneUpRefusesPointsAtTheLivePlanOfThatLearnerWhichListsTheDeletes()
    {
        var (project, names, args) = Course();
        using var _ = project;
        Assert.That((await Tool.RunAsync(["up", .. args])).ExitCode, Is.Zero);
        using (var client = LocalEngine.Client())
        {
            foreach (var stray in new[] { "x1", "x2", "x3" })
            {
                await client.PutItemAsync($"{names[0]}-academy-global", new() { ["name"] = new() { S = stray } });
            }
        }

        var up = await Tool.RunAsync(["up", .. args, "--prune"]);
        var plan = await PastedHint.RunAsync(up.Output + up.Error, "Check that the catalog still declares those items (");
        var all = await Tool.RunAsync(["plan", .. args]);

        Assert.Multiple(() =>
        {
            Assert.That(plan.ExitCode, Is.Zero, plan.Error);
            Assert.That(plan.Output, Does.Contain("delete     global-x1: not in the catalog").And.Contain("up would delete 3 item(s)"));
            Assert.That(plan.Output, Does.Contain($"--learner {names[0]} --prune --yes` does it"));
            Assert.That(all.ExitCode, Is.EqualTo(ExitCodes.Usage), "every learner's live plan at once is verify's work");
        });
    }

    [Test]
    public async Task TheCoursesVerifySaysWhatClearsItsDriftNotAnUpThatChangesNothing()
    {
        var (project, names, args) = Course();
        using var _ = project;
        await OnDemandTable.CreateAsync($"{names[0]}-academy-jobs", "name", ScalarAttributeType.S);
        Assert.That((await Tool.RunAsync(["up", .. args])).ExitCode, Is.Zero);

        var verify = await Tool.RunAsync(["verify", .. args]);

        Assert.That(verify.ExitCode, Is.EqualTo(ExitCodes.Drift), verify.Output);
        var summary = verify.Output.Split('\n').Single(l => l.StartsWith("course:", StringComparison.Ordinal));
        Assert.That(summary, Does.EndWith("1 drifted, 0 failed; `pulumi up` applies the catalog's table settings (`up` never changes an existing table)"), "the billing of a hand-made table, which up leaves alone");
    }

    [Test]
    public async Task LearnerActsOnThatLearnerOnly()
    {
        var (project, names, args) = Course();
        using var _ = project;

        var up = await Tool.RunAsync(["up", .. args, "--learner", names[1].ToUpperInvariant()]);

        Assert.Multiple(async () =>
        {
            Assert.That(up.ExitCode, Is.Zero, up.Error);
            Assert.That(up.Output, Does.StartWith($"up: learner {names[1]} of 3"));
            Assert.That(up.Output, Does.Contain($"table {names[1]}-academy-global: created"), "one learner gets the learner command's details");
            Assert.That(await TableExists($"{names[1]}-academy-global"), Is.True);
            Assert.That(await TableExists($"{names[0]}-academy-global"), Is.False);
        });
    }

    [Test]
    public async Task AnEngineThatDoesNotAnswerFailsEveryLearnerAndExitsThree()
    {
        var (project, _, args) = Course();
        using var __ = project;
        var closed = $"http://127.0.0.1:{LoopbackPort.Free()}";

        var up = await Tool.RunAsync(["up", .. args[..^1], closed]);

        Assert.Multiple(() =>
        {
            Assert.That(up.ExitCode, Is.EqualTo(ExitCodes.Unreachable), up.Output + up.Error);
            // The learners the engine failed before it was known to be silent each say so; the rest in one line.
            var failed = up.Output.Split('\n').Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, "FAILED +error: no DynamoDB engine answers"));
            var notDone = System.Text.RegularExpressions.Regex.Match(up.Output, @"\.\.\. (\d+) other learner\(s\) not done: no DynamoDB answered for ");
            Assert.That(failed + (notDone.Success ? int.Parse(notDone.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0), Is.EqualTo(3), up.Output);
            Assert.That(failed, Is.GreaterThanOrEqualTo(1), up.Output);
        });
    }

    [Test]
    public async Task ABadRosterIsAnInvalidCatalogNamingTheFileAndWritesNothing()
    {
        var (project, names, args) = Course();
        using var _ = project;
        project.Write("roster.yaml", $"learners: [{names[0]}, {names[0].ToUpperInvariant()}]");

        var up = await Tool.RunAsync(["up", .. args]);

        Assert.Multiple(async () =>
        {
            Assert.That(up.ExitCode, Is.EqualTo(ExitCodes.CatalogInvalid));
            Assert.That(up.Error, Does.Contain($"roster.yaml:1: learner '{names[0].ToUpperInvariant()}': differs from learner '{names[0]}' (line 1) only in case"));
            Assert.That(await TableExists($"{names[0]}-academy-global"), Is.False);
        });
    }

    [Test]
    public async Task LearnerWithoutARosterAndUserWithOneAreErrors()
    {
        var (project, names, args) = Course();
        using var _ = project;

        var learner = await Tool.RunAsync(["plan", "--learner", names[0], "--project", project.Root]);
        var user = await Tool.RunAsync(["plan", "--user", "zed", .. args[..4]]);

        Assert.Multiple(() =>
        {
            Assert.That(learner.ExitCode, Is.EqualTo(ExitCodes.Usage));
            Assert.That(learner.Error, Does.Contain($"--learner {names[0]} picks a learner of a roster; give --roster FILE"));
            Assert.That(user.ExitCode, Is.EqualTo(ExitCodes.Usage));
            Assert.That(user.Error, Does.Contain("pick one with --learner"));
        });
    }

    [TestCase("0")]
    [TestCase("many")]
    [TestCase("100000")]
    public async Task ParallelOutOfRangeOrNotANumberIsOneLineNamingTheOptionAndNothingRuns(string value)
    {
        var run = await Tool.RunAsync("up", "--roster", "seed/roster.yaml", "--parallel", value, "--endpoint", "http://127.0.0.1:1", "--project", LocalEngine.Repo.Root);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error.Trim(), Is.EqualTo($"--parallel must be a whole number from 1 to 64, not '{value}'"));
        Assert.That(run.Output, Is.Empty);
    }

    [Test]
    public async Task AMissingRosterOrAFolderGivenAsOneIsNamed()
    {
        using var project = new ScratchProject();
        var missing = Path.Combine(project.Root, "nowhere.yaml");

        var none = await Tool.RunAsync("plan", "--roster", missing, "--project", project.Root);
        var folder = await Tool.RunAsync("plan", "--roster", Path.Combine(project.Root, "seed"), "--project", project.Root);

        Assert.Multiple(() =>
        {
            Assert.That(none.ExitCode, Is.EqualTo(ExitCodes.CatalogInvalid));
            Assert.That(none.Error, Does.Contain("nowhere.yaml: not found"));
            Assert.That(folder.ExitCode, Is.EqualTo(ExitCodes.CatalogInvalid));
            Assert.That(folder.Error, Does.Contain("seed: is a folder; name the roster file itself"));
        });
    }

    [Test]
    public async Task TheExampleCourseStackReadsItsRosterFromAcademyRoster()
    {
        var plan = await Tool.RunAsync(["plan", "--stack", "course", "--project", LocalEngine.Repo.Root, "--json"]);

        Assert.That(plan.ExitCode, Is.Zero, plan.Error);
        using var json = JsonDocument.Parse(plan.Output);
        var root = json.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("roster").GetString(), Is.EqualTo("seed/roster.yaml"));
            Assert.That(root.GetProperty("learners").EnumerateArray().Select(l => l.GetProperty("name").GetString()), Is.EqualTo(new[] { "alice", "bob", "carol" }));
            Assert.That(root.GetProperty("learners")[1].GetProperty("plan").GetProperty("tables")[0].GetProperty("tags").GetProperty("team").GetString(), Is.EqualTo("platform"));
            Assert.That(root.GetProperty("course").GetProperty("tables").GetInt32(), Is.EqualTo(6));
            Assert.That(root.GetProperty("course").GetProperty("estimatedCostBasis").GetString(), Does.Contain("free tier deducted once"));
        });
    }

    [Test]
    public async Task ShowReadsEveryLearnerAndJsonHoldsEachLearnersView()
    {
        var (project, names, args) = Course();
        using var _ = project;
        Assert.That((await Tool.RunAsync(["up", .. args])).ExitCode, Is.Zero);

        var text = await Tool.RunAsync(["show", .. args]);
        var json = await Tool.RunAsync(["show", "--json", .. args]);

        using var document = JsonDocument.Parse(json.Output);
        var views = document.RootElement.GetProperty("learners").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(text.ExitCode, Is.Zero, text.Error);
            Assert.That(text.Output, Does.Contain("course: 3 learner(s), 3 read, 0 failed"));
            Assert.That(views.Select(v => v.GetProperty("name").GetString()), Is.EqualTo(names));
            Assert.That(views[2].GetProperty("view").GetRawText(), Does.Contain("Asia/Tokyo"));
        });
    }

    [Test]
    public async Task ShowOverARosterExitsOneWhenALearnersEtlWouldStopAsShowOfThatLearnerDoes()
    {
        var (project, names, args) = Course();
        using var _ = project;
        Assert.That((await Tool.RunAsync(["up", .. args])).ExitCode, Is.Zero);
        using (var client = LocalEngine.Client())
        {
            await client.DeleteItemAsync($"{names[1]}-academy-jobs", new Dictionary<string, AttributeValue> { ["name"] = new() { S = "title_crew" } });
        }

        var course = await Tool.RunAsync(["show", .. args]);
        var one = await Tool.RunAsync(["show", .. args, "--learner", names[1]]);
        var json = await Tool.RunAsync(["show", "--json", .. args]);
        var alone = await Tool.RunAsync(["show", "--user", names[1], "--project", args[3], "--endpoint", LocalEngine.Endpoint]);

        using var document = JsonDocument.Parse(json.Output);
        Assert.Multiple(() =>
        {
            Assert.That(alone.ExitCode, Is.EqualTo(ExitCodes.Drift), "the learner's own show exits 1");
            Assert.That(new[] { course.ExitCode, one.ExitCode, json.ExitCode }, Is.All.EqualTo(ExitCodes.Drift), course.Output);
            Assert.That(course.Output, Does.Contain("course: 3 learner(s), 3 read (1 with problems the ETL would stop at), 0 failed"));
            Assert.That(course.Output, Does.Match($@"{names[1]}\s+problem\s").And.Contain($"(`academy-sandbox show {string.Join(' ', args)} --learner {names[1]}` lists them)"));
            Assert.That(one.Output, Does.Not.Contain("lists them)"), "the hint is not the command just run");
            Assert.That(document.RootElement.GetProperty("learners")[1].GetProperty("status").GetString(), Is.EqualTo("problems"));
        });
    }
}
