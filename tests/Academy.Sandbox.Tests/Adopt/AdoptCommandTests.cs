using System.Text.Json;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Tests.Support;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Tests.Adopt;

/// <summary>`academy-sandbox adopt` end to end against the local engine.</summary>
public sealed class AdoptCommandTests
{
    private static async Task<string> SnapshotAsync(string user)
    {
        var tables = new List<string>();
        foreach (var key in new[] { "global", "jobs" })
        {
            try
            {
                tables.AddRange((await Items.ScanAsync($"{user}-academy-{key}")).Select(Items.Canonical).Order(StringComparer.Ordinal));
            }
            catch (ResourceNotFoundException)
            {
                tables.Add($"{key}: no table");
            }
        }

        return string.Join('\n', tables);
    }

    [Test]
    public async Task WithAStackItWritesTheConfigIntoTheStackFileAndChangesNothingLive()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        // The example dev stack, as this learner's own stack (its academy:user names them).
        var devStack = File.ReadAllText(LocalEngine.Repo.Resolve("Pulumi.dev.yaml")).Replace("academy:user: dev-learner", $"academy:user: {user}", StringComparison.Ordinal);
        Assert.That(devStack, Does.Contain($"academy:user: {user}"));
        project.Write("Pulumi.dev.yaml", devStack);
        await CourseSteps.CreateTableAsync($"{user}-academy-global");
        await CourseSteps.CreateTableAsync($"{user}-academy-jobs");
        await CourseSteps.PutItemAsync($"{user}-academy-global", CourseSteps.ImdbRestApiItem);
        await CourseSteps.PutItemAsync($"{user}-academy-jobs", """{"name": {"S": "my-own-job"}}""");
        var before = await SnapshotAsync(user);

        var run = await Tool.RunAsync("adopt", "--stack", "dev", "--project", project.Root, "--endpoint", LocalEngine.Endpoint);

        // Pulumi.dev.yaml gives imdb-rest-api the time zone UTC; the course's item has Europe/Zagreb.
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Drift), run.Output + run.Error);
        Assert.That(run.Output, Does.Contain("""tz: catalog {"S":"UTC"}, live {"S":"Europe/Zagreb"}""")
            .And.Contains($"`academy-sandbox up --stack dev --project")
            .And.Contains("missing   global-dev-notes: pulumi up creates it")
            .And.Contains("undeclared jobs-my-own-job: not in the catalog; left as it is (never deleted)")
            .And.Contains("wrote academy:adopt into Pulumi.dev.yaml"));
        Assert.That(File.ReadAllText(Path.Combine(project.Root, "Pulumi.dev.yaml")), Is.EqualTo(devStack.TrimEnd('\n') + "\n  academy:adopt:\n    global: []\n    jobs: []\n"));
        Assert.That(await SnapshotAsync(user), Is.EqualTo(before), "adopt reads only");
    }

    [Test]
    public async Task WithoutAStackItPrintsThePulumiConfigLinesAndExitsZeroWhenEverythingMatches()
    {
        var user = Tool.NewUser();
        Assert.That((await Tool.RunAsync("up", "--user", user, "--endpoint", LocalEngine.Endpoint)).ExitCode, Is.Zero);

        var run = await Tool.RunAsync("adopt", "--user", user, "--endpoint", LocalEngine.Endpoint);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Output + run.Error);
        Assert.That(run.Output, Does.Contain("""
              pulumi config rm academy:adopt
              pulumi config set --path 'academy:adopt.global[0]' imdb-rest-api
              pulumi config set --path 'academy:adopt.jobs[0]' name_basics
            """.ReplaceLineEndings()).And.Contains("pulumi config set --path 'academy:adopt.jobs[5]' title_ratings")
            .And.Contains("once it succeeded, `pulumi config rm academy:adopt`"));
    }

    [Test]
    public async Task ThePulumiCommandsAdoptPrintsActOnTheStackAndProjectItWasGiven()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        Assert.That((await Tool.RunAsync("up", "--user", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint)).ExitCode, Is.EqualTo(ExitCodes.Ok));

        var lines = await Tool.RunAsync("adopt", "--user", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint);
        var written = await Tool.RunAsync("adopt", "--stack", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint);

        // The selected stack and the shell's folder may be others.
        Assert.That(lines.Output, Does.Contain($"  pulumi config rm --cwd {project.Root} academy:adopt\n  pulumi config set --cwd {project.Root} --path 'academy:adopt.global[0]' imdb-rest-api\n"));
        Assert.That(written.Output, Does.Contain($"next: `pulumi up --stack {user} --cwd {project.Root}` imports what is listed")
            .And.Contain($"`pulumi config rm --stack {user} --cwd {project.Root} academy:adopt`"));
    }

    [Test]
    public async Task AStackFileAdoptCannotEditPointsAtTheConfigLinesForTheSameLearner()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        const string Anchored = "config:\n  academy:adopt: &a\n    global: []\n  other: *a\n";
        project.Write($"Pulumi.{user}.yaml", Anchored);
        Assert.That((await Tool.RunAsync("up", "--user", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint)).ExitCode, Is.EqualTo(ExitCodes.Ok));

        var run = await Tool.RunAsync("adopt", "--stack", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint);
        var hint = System.Text.RegularExpressions.Regex.Match(run.Error, "`(academy-sandbox adopt [^`]*)` prints them").Groups[1].Value;
        var pasted = await Tool.RunAsync(hint.Split(' ')[1..]);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failed), run.Error);
            Assert.That(hint, Is.EqualTo($"academy-sandbox adopt --project {project.Root} --endpoint {LocalEngine.Endpoint} --user {user}"));
            Assert.That(pasted.Output, Does.StartWith($"adopt: learner {user} at").And.Contain("--path 'academy:adopt.global[0]'"), "the stack's learner, not the default one");
            Assert.That(File.ReadAllText(Path.Combine(project.Root, $"Pulumi.{user}.yaml")), Is.EqualTo(Anchored));
        });
    }

    [Test]
    public async Task JsonCarriesTheValueAsPulumiHandsItToTheProgram()
    {
        var user = Tool.NewUser();
        await CourseSteps.CreateTableAsync($"{user}-academy-global");

        var run = await Tool.RunAsync("adopt", "--user", user, "--endpoint", LocalEngine.Endpoint, "--json");

        using var json = JsonDocument.Parse(run.Output);
        Assert.That(json.RootElement.GetProperty("pulumiConfig").GetProperty("academy:adopt").GetString(), Is.EqualTo("""{"global":[]}"""));
        Assert.That(json.RootElement.GetProperty("ready").GetBoolean(), Is.True);
        Assert.That(json.RootElement.GetProperty("tables")[1].GetProperty("exists").GetBoolean(), Is.False);
    }

    [Test]
    public async Task ATableWithOtherKeysIsNotListedAndDownIsTheWayOut()
    {
        var user = Tool.NewUser();
        await OnDemandTable.CreateAsync($"{user}-academy-global", "id", Amazon.DynamoDBv2.ScalarAttributeType.N);

        var run = await Tool.RunAsync("adopt", "--user", user, "--endpoint", LocalEngine.Endpoint);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Drift));
        Assert.That(run.Output, Does.Contain($"table {user}-academy-global: exists but cannot be taken over: key schema: catalog HASH name (S), live HASH id (N)")
            .And.Contains($"delete it with `academy-sandbox down --user {user} --endpoint")
            .And.Contains("nothing to import")
            .And.Not.Contains("set it in your stack with"), "no config to set when nothing is importable");
    }

    [Test]
    public async Task ABillingModeThatDiffersGivesTheConfigLineAndTheUpdateTableLine()
    {
        var user = Tool.NewUser();
        await OnDemandTable.CreateAsync($"{user}-academy-global", "name", Amazon.DynamoDBv2.ScalarAttributeType.S);

        var run = await Tool.RunAsync("adopt", "--user", user, "--endpoint", LocalEngine.Endpoint);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Drift));
        Assert.That(run.Output, Does.Contain("differs   billing mode: catalog PROVISIONED (academy:billingMode), live PAY_PER_REQUEST")
            .And.Contains("take the live setting into config: pulumi config set academy:billingMode PAY_PER_REQUEST")
            .And.Contains($"or make the live table match:      aws dynamodb update-table --endpoint-url {LocalEngine.Endpoint} --table-name {user}-academy-global --billing-mode PROVISIONED --provisioned-throughput ReadCapacityUnits=1,WriteCapacityUnits=1")
            .And.Contains("not listed until its settings match")
            .And.Contains("nothing to import yet; what exists is left out until the differences below are resolved")
            .And.Not.Contains("pulumi up creates every table"));
    }

    [Test]
    public async Task WhenTheLiveTablesDifferFromEachOtherOnlyTheUpdateTableWayOutIsOffered()
    {
        var user = Tool.NewUser();
        await CourseSteps.CreateTableAsync($"{user}-academy-global"); // PROVISIONED 1/1, as the catalog declares
        await OnDemandTable.CreateAsync($"{user}-academy-jobs", "name", Amazon.DynamoDBv2.ScalarAttributeType.S);

        var run = await Tool.RunAsync("adopt", "--user", user, "--endpoint", LocalEngine.Endpoint);

        // academy:billingMode sets both tables: taking the jobs table's PAY_PER_REQUEST would make the
        // global table differ, and adopt would then offer to set it back.
        Assert.That(run.Output, Does.Contain("differs   billing mode: catalog PROVISIONED (academy:billingMode), live PAY_PER_REQUEST")
            .And.Contains($"make the live table match:         aws dynamodb update-table --endpoint-url {LocalEngine.Endpoint} --table-name {user}-academy-jobs --billing-mode PROVISIONED")
            .And.Contains("taking the live setting into config cannot work here")
            .And.Not.Contains("pulumi config set academy:billingMode"));
    }

    [Test]
    public async Task AdoptIntoAStackOfAnotherLearnerIsRefusedAndWritesNothing()
    {
        using var project = new ScratchProject();
        const string StackFile = "config:\n  academy:user: dev-learner\n";
        project.Write("Pulumi.dev.yaml", StackFile);
        var user = Tool.NewUser();
        Assert.That((await Tool.RunAsync("up", "--user", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint)).ExitCode, Is.Zero);

        var run = await Tool.RunAsync("adopt", "--stack", "dev", "--user", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint);
        var same = await Tool.RunAsync("adopt", "--stack", "dev", "--user", "dev-learner", "--project", project.Root, "--endpoint", LocalEngine.Endpoint);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
            Assert.That(run.Error.Trim(), Is.EqualTo($"error: adopt --stack dev writes academy:adopt for learner dev-learner, but --user {user} reads {user}'s tables; nothing was written. Leave out --user, or adopt into {user}'s own stack with `academy-sandbox adopt --stack {user} --project {project.Root} --endpoint {LocalEngine.Endpoint}`"), "the same project and engine");
            Assert.That(same.ExitCode, Is.Not.EqualTo(ExitCodes.Usage), "--user naming the stack's own learner is fine");
        });
        Assert.That(File.ReadAllText(Path.Combine(project.Root, "Pulumi.dev.yaml")), Does.StartWith(StackFile));
    }

    // A learner (and stack) may start with '-', which the AWS and Pulumi CLIs would read as a flag.
    [TestCase("", " ")]
    [TestCase("-", "=")]
    public async Task PastingTheUpdateTableLineChangesTheTableAdoptReadAndTheConfigLineNamesTheStack(string prefix, string joined)
    {
        using var project = new ScratchProject();
        var user = prefix + Tool.NewUser();
        await OnDemandTable.CreateAsync($"{user}-academy-global", "name", Amazon.DynamoDBv2.ScalarAttributeType.S);
        string[] target = ["--stack", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint];

        var first = await Tool.RunAsync(["adopt", .. target]);
        Assert.That(first.Output, Does.Contain($"take the live setting into config: pulumi config set --stack{joined}{user} --cwd {project.Root} academy:billingMode PAY_PER_REQUEST"));
        Assert.That(first.Output, Does.Contain($"--table-name{joined}{user}-academy-global --billing-mode"));
        const string Marker = "or make the live table match:";
        var line = first.Output.Split('\n').Single(l => l.Contains(Marker, StringComparison.Ordinal));
        await CourseSteps.PasteAsync(line[(line.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length)..]);
        var again = await Tool.RunAsync(["adopt", .. target]);

        Assert.That(again.ExitCode, Is.EqualTo(ExitCodes.Ok), again.Output);
        Assert.That(again.Output, Does.Contain($"table {user}-academy-global: exists, keys and billing match; import"));
    }

    [Test]
    public async Task AnItemWhoseKeyHoldsACommaIsNamedAndNotListedBecauseNoImportIdCanCarryIt()
    {
        using var project = new ScratchProject();
        project.Write("seed/items/global.dynamodb.json", """[{"name": {"S": "a,b"}, "v": {"N": "1"}}]""");
        var user = Tool.NewUser();
        Assert.That((await Tool.RunAsync("up", "--user", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint)).ExitCode, Is.Zero);

        var run = await Tool.RunAsync("adopt", "--user", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Drift));
        Assert.That(run.Output, Does.Contain("blocked   global-a,b: exists, but its key holds ','"));
        Assert.That(run.Output, Does.Contain($"pulumi config set --cwd {project.Root} --path 'academy:adopt.global[0]' imdb-rest-api").And.Not.Contains("a,b'"));
    }

    [Test]
    public async Task ALearnerWhoseNameCannotNameAStackIsNotHintedAnExportItsStackRefuses()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser() + new string('l', 100);
        Assert.That((await Tool.RunAsync("up", "--user", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint)).ExitCode, Is.Zero);
        using (var client = LocalEngine.Client())
        {
            await client.PutItemAsync($"{user}-academy-global", new() { ["name"] = new() { S = "mine" } });
        }

        var run = await Tool.RunAsync("adopt", "--user", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint);

        Assert.That(run.Output, Does.Contain("pulumi ignores it; export with --stack naming a stack of yours (the learner's name is no Pulumi stack name").And.Not.Contain("academy-sandbox export"));
    }

    [Test]
    public async Task AnUndeclaredItemWhoseKeyHoldsACommaIsNotPromisedAnImport()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        Assert.That((await Tool.RunAsync("up", "--user", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint)).ExitCode, Is.Zero);
        using (var client = LocalEngine.Client())
        {
            await client.PutItemAsync($"{user}-academy-global", new() { ["name"] = new() { S = "x,y" } });
        }

        var run = await Tool.RunAsync("adopt", "--user", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint);

        var line = run.Output.Split('\n').Single(l => l.Contains("undeclared global-x,y", StringComparison.Ordinal));
        Assert.That(line, Does.EndWith("takes it into your catalog, but its key holds ',', which no import id can carry: then delete the live item and pulumi up creates it"));
    }

    [Test]
    public async Task TagsThatDifferAreANoteNotABlockerAndMatchingTagsSayNothing()
    {
        var tagged = Tool.NewUser();
        await CourseSteps.CreateTableAsync($"{tagged}-academy-global");
        await CourseSteps.TagAsync($"{tagged}-academy-global", ("team", "x"));
        var matching = Tool.NewUser();
        await CourseSteps.CreateTableAsync($"{matching}-academy-global");
        await CourseSteps.TagAsync($"{matching}-academy-global", ("course", "data-engineering-academy"), ("learner", matching), ("managed-by", "pulumi"));

        var differs = await Tool.RunAsync("adopt", "--user", tagged, "--endpoint", LocalEngine.Endpoint);
        var same = await Tool.RunAsync("adopt", "--user", matching, "--endpoint", LocalEngine.Endpoint);

        Assert.That(differs.ExitCode, Is.EqualTo(ExitCodes.Ok), differs.Output);
        Assert.That(differs.Output, Does.Contain($"note      tags: catalog course=data-engineering-academy, learner={tagged}, managed-by=pulumi, live team=x; pulumi up sets the catalog's tags"));
        Assert.That(same.Output, Does.Not.Contain("note"));
        Assert.That(same.Output, Does.Contain("pulumi config set academy:adopt '{\"global\":[]}'"));
    }
}
