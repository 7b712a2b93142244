using Academy.Catalog.Settings;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Engine;
using Academy.Sandbox.Tests.Support;
using Academy.Sandbox.Up;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace Academy.Sandbox.Tests;

/// <summary>
/// Text read from DynamoDB, files or the command line never controls the terminal (no escape
/// sequences, bells, carriage returns or bidi overrides reach it) and never breaks a line; long input
/// is quoted as an excerpt; and what `up` says it did is what happened.
/// </summary>
public sealed class TerminalSafetyTests
{
    // ESC ] 0 ; ... BEL sets the window title, ESC [ 2 J clears the screen, CR overwrites the line,
    // U+202E reverses what follows, LF splits one name over two lines.
    private const string HostileKey = "evil\u001b]0;pwned\u0007\r\u202Egnp.exe\nnext";
    private const string HostileName = "attr\u001b[2J\u0007\r\u202Eb\nc";

    private static readonly char[] Controlling = ['\u001b', '\u0007', '\r', '\u202E', '\u009b'];

    [Test]
    public async Task LiveKeysAndAttributeNamesReachTheTerminalEscapedOnOneLine()
    {
        var user = Tool.NewUser();
        var target = Tool.LocalTarget(user);
        Assert.That((await Tool.RunAsync(["up", .. target])).ExitCode, Is.Zero);
        using var client = LocalEngine.Client();
        await client.PutItemAsync($"{user}-academy-global", new Dictionary<string, AttributeValue>
        {
            ["name"] = new() { S = HostileKey },
            [HostileName] = new() { S = "v\u001b[31m" },
        });
        await client.UpdateItemAsync($"{user}-academy-jobs", new Dictionary<string, AttributeValue> { ["name"] = new() { S = "title_crew" } }, new Dictionary<string, AttributeValueUpdate>
        {
            [HostileName] = new() { Action = AttributeAction.PUT, Value = new AttributeValue { S = "x" } },
        });

        var verify = await Tool.RunAsync(["verify", .. target]);
        Assert.That(verify.Output, Does.Contain(@"evil\u001B]0;pwned\u0007\r\u202Egnp.exe\nnext").And.Contain(@"attr\u001B[2J\u0007\r\u202Eb\nc"), verify.Output);
        foreach (var verb in new[] { "verify", "show", "adopt", "plan", "up" })
        {
            var run = await Tool.RunAsync([verb, .. target]);
            var text = run.Output + run.Error;
            Assert.Multiple(() =>
            {
                Assert.That(text.IndexOfAny(Controlling), Is.EqualTo(-1), $"{verb} printed a control character:\n{text}");
                Assert.That(text, Does.Not.Contain("gnp.exe\n"), $"{verb} broke a key across lines:\n{text}");
            });
            TestContext.Out.WriteLine(text);
        }
    }

    [Test]
    public async Task ALineFeedInADeclaredKeyOrALiveValueNeverSplitsALine()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        string[] target = ["--stack", user, "--user", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint];
        Assert.That((await Tool.RunAsync(["up", "--user", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint])).ExitCode, Is.Zero);
        using var client = LocalEngine.Client();
        await client.PutItemAsync($"{user}-academy-global", new Dictionary<string, AttributeValue> { ["name"] = new() { S = "nl\nkey" }, ["v"] = new() { S = "x" } });
        await client.UpdateItemAsync($"{user}-academy-global", new Dictionary<string, AttributeValue> { ["name"] = new() { S = "imdb-rest-api" } }, new Dictionary<string, AttributeValueUpdate>
        {
            ["prefix"] = new() { Action = AttributeAction.PUT, Value = new AttributeValue { S = "v1/imdb\nFAKE LINE" } },
        });

        // export takes the key into the learner's stack, so the catalog itself declares it from then on.
        var runs = new Dictionary<string, CliRun> { ["export"] = await Tool.RunAsync(["export", .. target, "--table", "global", "--item", "nl\nkey"]) };
        Assert.That(runs["export"].ExitCode, Is.Zero, runs["export"].Error);
        foreach (var verb in new[] { "adopt", "show", "verify", "up" })
        {
            runs[verb] = await Tool.RunAsync([verb, .. target]);
        }

        runs["plan"] = await Tool.RunAsync(["plan", "--stack", user, "--project", project.Root]);

        Assert.Multiple(() =>
        {
            foreach (var (verb, run) in runs)
            {
                var lines = (run.Output + run.Error).Split('\n');
                Assert.That(lines, Has.None.StartsWith("key"), $"{verb} split a key over two lines:\n{run.Output}");
                Assert.That(lines, Has.None.StartsWith("FAKE LINE"), $"{verb} let a value print a line of its own:\n{run.Output}");
            }

            Assert.That(runs["plan"].Output, Does.Contain(@"global-nl\nkey"), "named, escaped");
        });
    }

    [Test]
    public async Task AHugeLiveValueIsPrintedAsItsStartAndLengthNotWhole()
    {
        var user = Tool.NewUser();
        var target = Tool.LocalTarget(user);
        Assert.That((await Tool.RunAsync(["up", .. target])).ExitCode, Is.Zero);
        using var client = LocalEngine.Client();
        await client.UpdateItemAsync($"{user}-academy-global", new Dictionary<string, AttributeValue> { ["name"] = new() { S = "imdb-rest-api" } }, new Dictionary<string, AttributeValueUpdate>
        {
            ["tz"] = new() { Action = AttributeAction.PUT, Value = new AttributeValue { S = new string('z', 300_000) } },
        });

        foreach (var verb in new[] { "verify", "show", "adopt", "plan" })
        {
            var run = await Tool.RunAsync([verb, .. target]);
            Assert.Multiple(() =>
            {
                Assert.That(run.Output.Length, Is.LessThan(20_000), $"{verb} printed the value whole");
                Assert.That(run.Output, Does.Contain("characters)"), $"{verb} says how long it is");
            });
        }
    }

    [Test]
    public async Task ControlCharactersInTheCommandLineAreEscapedInMessages()
    {
        var run = await Tool.RunAsync(["plan", "--user", "ab\u001b[2Jc\u0007\r\u202Ed", "--project", LocalEngine.Repo.Root]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.CatalogInvalid));
        Assert.That(run.Error.IndexOfAny(Controlling), Is.EqualTo(-1), run.Error);
        Assert.That(run.Error, Does.Contain(@"ab\u001B[2Jc\u0007\r\u202Ed"));
    }

    [Test]
    public async Task AHugeUserNameIsQuotedAsAnExcerptWithItsLength()
    {
        var run = await Tool.RunAsync(["plan", "--user", new string('a', 100_000), "--project", LocalEngine.Repo.Root]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.CatalogInvalid));
        Assert.That(run.Error.Length, Is.LessThan(2_000), run.Error[..Math.Min(run.Error.Length, 3_000)]);
        Assert.That(run.Error, Does.Contain("100,000 characters"));
    }

    [TestCase("plan", "--stack", "")]
    [TestCase("plan", "--roster", "")]
    [TestCase("verify", "--endpoint", "http://")]
    [TestCase("up", "--concurrency", "")]
    [TestCase("plan", "", "")]
    [TestCase("export", "--table", "")]
    [TestCase("export", "--out", "/tmp/")]
    [TestCase("report --stack course", "--html", "/tmp/")]
    public async Task AHugeOptionValueOrArgumentIsQuotedAsAnExcerpt(string verb, string option, string prefix)
    {
        string[] huge = [prefix + new string('a', 100_000)];
        var run = await Tool.RunAsync([.. verb.Split(' '), .. option.Length > 0 ? [option] : Array.Empty<string>(), .. huge, "--project", LocalEngine.Repo.Root]);

        Assert.That(run.ExitCode, Is.Not.EqualTo(ExitCodes.Ok));
        Assert.That(run.Error.Length, Is.LessThan(2_000), run.Error[..Math.Min(run.Error.Length, 3_000)]);
        Assert.That(run.Error, Does.Contain("characters)"));
    }

    [Test]
    public async Task AHugeUserNameBesideARosterIsQuotedAsAnExcerpt()
    {
        using var project = new ScratchProject();
        project.Write("roster.yaml", "learners:\n  - ann\n");
        var run = await Tool.RunAsync(["plan", "--roster", Path.Combine(project.Root, "roster.yaml"), "--user", new string('a', 100_000) + "\u001b", "--project", project.Root]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error.Length, Is.LessThan(2_000));
        Assert.That(run.Error, Does.Contain("100,001 characters"));
    }

    [Test]
    public async Task UpThatLosesTheCreateTableRaceSaysTheTableAlreadyExisted()
    {
        var user = Tool.NewUser();
        using var project = new ScratchProject();
        var catalog = Academy.Catalog.CatalogBuilder.Build(new DictionaryConfigSource("sandbox", new Dictionary<string, string> { [ConfigKeys.User.Name] = user }), project.Paths);
        using var client = new RacingClient(LocalEngine.Endpoint);
        var output = new StringWriter();

        var result = await new UpRunner(client, output, 4).RunAsync(catalog, prune: false, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Tables.Select(t => t.Created), Is.All.False, output.ToString());
            Assert.That(output.ToString(), Does.Not.Contain("created, ACTIVE").And.Contain("already existed"));
            Assert.That(result.Written, Is.EqualTo(7), "its items are written all the same");
        });
    }

    /// <summary>Another `up` creates every table just before this one does, as two runs started at once would.</summary>
    private sealed class RacingClient(string endpoint) : AmazonDynamoDBClient(new BasicAWSCredentials("sandbox", "sandbox"), EngineTarget.LocalConfig(endpoint))
    {
        public override async Task<CreateTableResponse> CreateTableAsync(CreateTableRequest request, CancellationToken cancellationToken = default)
        {
            await base.CreateTableAsync(request, cancellationToken);
            return await base.CreateTableAsync(request, cancellationToken);
        }
    }
}
