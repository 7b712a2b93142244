using System.Text.RegularExpressions;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Tests.Support;

namespace Academy.Sandbox.Tests;

/// <summary>What a user sees when the command line does not parse: one line on stderr that says what to type instead.</summary>
public sealed partial class UsageMessageTests
{
    [Test]
    public async Task AMisspelledCommandSuggestsTheWholeCorrectedLineWhichRunsAsPrinted()
    {
        var typo = await Tool.RunAsync("pln", "--user", "bob", "--project", LocalEngine.Repo.Root);

        Assert.That(typo.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(typo.Error, Does.StartWith("'pln' is not a command of academy-sandbox; did you mean `academy-sandbox plan --user bob --project "));
        var pasted = await Tool.RunAsync(Suggested(typo.Error));
        Assert.That(pasted.ExitCode, Is.EqualTo(ExitCodes.Ok), pasted.Error);
        Assert.That(pasted.Output, Does.StartWith("Learner bob "));
    }

    [TestCase("no-such-folder")]
    [TestCase("README.md")]
    public async Task AProjectFolderThatIsNotThereIsAUsageErrorNotTheProjectAboveIt(string folder)
    {
        // Run from inside the repository: a fallback to the project holding the current folder would succeed.
        var run = await Tool.RunAsync("plan", "--project", Path.Combine(LocalEngine.Repo.Root, folder));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Output, Is.Empty);
        Assert.That(run.Error, Does.Contain($"--project \"{Path.Combine(LocalEngine.Repo.Root, folder)}\": {(folder == "README.md" ? "is a file, not a folder" : "no such folder")}"));
    }

    [Test]
    public async Task AHugeProjectFolderIsQuotedAsAnExcerpt()
    {
        var run = await Tool.RunAsync("plan", "--project", new string('p', 20_000) + "\u001b");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error.Length, Is.LessThan(2_000), run.Error[..Math.Min(run.Error.Length, 3_000)]);
        Assert.That(run.Error, Does.Contain("20,001 characters)").And.Not.Contain("\u001b"[0]));
    }

    [Test]
    public async Task VeriffySuggestsVerify()
    {
        var run = await Tool.RunAsync("veriffy", "--user", "bob");

        Assert.That(run.Error.TrimEnd(), Is.EqualTo("'veriffy' is not a command of academy-sandbox; did you mean `academy-sandbox verify --user bob`? `academy-sandbox --help` lists the commands"));
    }

    [Test]
    public async Task AMisspelledOptionSuggestsTheCorrectedLine()
    {
        var run = await Tool.RunAsync("up", "--prun", "--user", "bob");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error.TrimEnd(), Is.EqualTo("'--prun' is not an option of up; did you mean `academy-sandbox up --prune --user bob`? `academy-sandbox up --help` lists its options"));
    }

    // A correction the command itself would refuse is no help: --aws twice, or --learner without a roster.
    [TestCase(new[] { "down", "--aws", "--user", "bob", "--yes" }, "'--yes' is not an option of down; `academy-sandbox down --help` lists its options")]
    [TestCase(new[] { "verify", "--lerner", "x" }, "'--lerner' is not an option of verify; `academy-sandbox verify --help` lists its options")]
    [TestCase(new[] { "verify", "--roster", "r.yaml", "--lerner", "x" }, "'--lerner' is not an option of verify; did you mean `academy-sandbox verify --roster r.yaml --learner x`? `academy-sandbox verify --help` lists its options")]
    [TestCase(new[] { "shwo", "--learner", "x" }, "'shwo' is not a command of academy-sandbox; did you mean show? `academy-sandbox --help` lists the commands")]
    [TestCase(new[] { "shwo", "--learner=x" }, "'shwo' is not a command of academy-sandbox; did you mean show? `academy-sandbox --help` lists the commands")]
    [TestCase(new[] { "upp", "--yes" }, "'upp' is not a command of academy-sandbox; did you mean up? `academy-sandbox --help` lists the commands")]
    [TestCase(new[] { "reprot" }, "'reprot' is not a command of academy-sandbox; did you mean report? `academy-sandbox --help` lists the commands")]
    [TestCase(new[] { "exprot", "--item", "x" }, "'exprot' is not a command of academy-sandbox; did you mean export? `academy-sandbox --help` lists the commands")]
    [TestCase(new[] { "exprot", "--table", "jobs", "--item", "x" }, "'exprot' is not a command of academy-sandbox; did you mean `academy-sandbox export --table jobs --item x`? `academy-sandbox --help` lists the commands")]
    [TestCase(new[] { "shwo", "--stack", "course", "--learner", "x" }, "'shwo' is not a command of academy-sandbox; did you mean `academy-sandbox show --stack course --learner x`? `academy-sandbox --help` lists the commands")]
    public async Task ACorrectionIsSuggestedOnlyWhereTheCommandWouldTakeIt(string[] args, string message)
    {
        var run = await Tool.RunAsync(args);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error.TrimEnd(), Is.EqualTo(message));
    }

    // .NET's path APIs throw on an empty path: each path option refuses it while parsing, in one line.
    [TestCase("down", "--roster", "--roster needs a roster file; an empty name names none")]
    [TestCase("up", "--roster", "--roster needs a roster file; an empty name names none")]
    [TestCase("report", "--roster", "--roster needs a roster file; an empty name names none")]
    [TestCase("export", "--out", "--out needs a folder; an empty name names none")]
    public async Task AnEmptyPathIsOneUsageLineNotAStackTrace(string command, string option, string message)
    {
        var run = await Tool.RunAsync(command, option, "", "--endpoint", LocalEngine.Endpoint);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.Error);
        Assert.That(run.Error.Trim(), Is.EqualTo(message));
    }

    // Written with '=', the empty value is the same empty value, not a request for the next word.
    [TestCase(new[] { "show", "--roster=", "--json" }, "--roster needs a roster file; an empty name names none")]
    [TestCase(new[] { "export", "--out=", "--user", "frank" }, "--out needs a folder; an empty name names none")]
    [TestCase(new[] { "down", "--roster=" }, "--roster needs a roster file; an empty name names none")]
    public async Task AnEmptyValueAfterAnEqualsSignIsThatOptionsOwnUsageLine(string[] args, string message)
    {
        var run = await Tool.RunAsync(args);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.Error);
        Assert.That(run.Error.Trim(), Is.EqualTo(message));
    }

    [TestCase("plan", "--usr=")]
    [TestCase("plan", "--usr", "")]
    public async Task AMisspelledOptionWithAnEmptyValueGetsNoLineThatWouldBeRefused(params string[] args)
    {
        // `--user ''` parses, and is then refused as empty: no help to paste.
        var run = await Tool.RunAsync(args);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error.TrimEnd(), Is.EqualTo("'--usr' is not an option of plan; `academy-sandbox plan --help` lists its options"));
    }

    [Test]
    public async Task AMisspelledOptionWithEqualsSuggestsTheCorrectedLineWhichRunsAsPrinted()
    {
        var run = await Tool.RunAsync("plan", "--usr=bob", "--project", LocalEngine.Repo.Root);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error, Does.StartWith("'--usr=bob' is not an option of plan; did you mean `academy-sandbox plan --user=bob --project "));
        var pasted = await Tool.RunAsync(Suggested(run.Error));
        Assert.That(pasted.ExitCode, Is.EqualTo(ExitCodes.Ok), pasted.Error);
        Assert.That(pasted.Output, Does.StartWith("Learner bob "));
    }

    [Test]
    public async Task AnUnknownOptionPointsToTheCommandsHelpWhichListsItsOptions()
    {
        var run = await Tool.RunAsync("verify", "--concurrency", "4");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error.TrimEnd(), Is.EqualTo("'--concurrency' is not an option of verify; `academy-sandbox verify --help` lists its options"));
        var help = await Tool.RunAsync(Suggested(run.Error));
        Assert.That(help.ExitCode, Is.EqualTo(ExitCodes.Ok));
        Assert.That(help.Output, Does.Contain("--endpoint <url>"));
    }

    [Test]
    public async Task AnOptionBeforeAnyCommandSaysACommandComesFirst()
    {
        var run = await Tool.RunAsync("--user", "bob");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error.TrimEnd(), Is.EqualTo("academy-sandbox needs a command before '--user'; `academy-sandbox --help` lists the commands"));
    }

    [Test]
    public async Task ABareToolPrintsTheUsageAndExitsWithTheUsageCode()
    {
        var run = await Tool.RunAsync();

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Output, Does.StartWith("Description:").And.Contain("Usage:").And.Contain("verify").And.Contain("report"));
        Assert.That(run.Error, Is.Empty);
    }

    [TestCase("veriffy")]
    [TestCase("verify", "--usr", "bob")]
    [TestCase("verify", "--concurrency", "0")]
    [TestCase("plan", "alice")]
    [TestCase("up", "--concurrency", "0")]
    [TestCase("show", "--user")]
    public async Task AParseErrorIsOneLineOnStderrWithNoBlankLinesAndNothingOnStdout(params string[] args)
    {
        var run = await Tool.RunAsync(args);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Output, Is.Empty, "a script reading stdout gets nothing");
        Assert.That(run.Error.Split('\n'), Is.EqualTo(new[] { run.Error.TrimEnd('\n'), "" }), "one line, no blank line before or after it");
    }

    // The command inside the first backquotes, split as a shell would split these plain words.
    private static string[] Suggested(string error) => FirstCommand().Match(error).Groups[1].Value.Split(' ');

    [GeneratedRegex("`academy-sandbox ([^`]*)`")]
    private static partial Regex FirstCommand();
}
