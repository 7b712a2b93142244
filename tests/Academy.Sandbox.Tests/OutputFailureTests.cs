using Academy.Sandbox.Cli;
using Academy.Sandbox.Tests.Support;

namespace Academy.Sandbox.Tests;

/// <summary>Standard output that cannot be written (a full disk, a closed descriptor) and values that would split a line.</summary>
public sealed class OutputFailureTests
{
    [TestCase("plan")]
    [TestCase("plan --json")]
    [TestCase("--help")]
    [TestCase("show --help")]
    public async Task AnOutputThatCannotBeWrittenIsOneLineOnStderrNotAStackTrace(string line)
    {
        var error = new StringWriter();

        var code = await SandboxCli.RunAsync([.. line.Split(' '), "--project", LocalEngine.Repo.Root], new FullDisk(), error);

        Assert.That(code, Is.EqualTo(ExitCodes.Failed));
        Assert.That(error.ToString().Trim(), Is.EqualTo("error: cannot write to standard output: No space left on device"));
    }

    [Test]
    public async Task WithoutStderrTheJsonDocumentAndTheExitCodeStillSayIt()
    {
        var output = new StringWriter();

        var code = await SandboxCli.RunAsync(["plan", "--json", "--bogus", "--project", LocalEngine.Repo.Root], output, new FullDisk());

        Assert.That(code, Is.EqualTo(ExitCodes.Usage));
        using var document = System.Text.Json.JsonDocument.Parse(output.ToString());
        Assert.That(document.RootElement.GetProperty("exitCode").GetInt32(), Is.EqualTo(ExitCodes.Usage));
    }

    [Test]
    public async Task WithStderrGoneAsWellTheExitCodeStillSaysIt()
    {
        var code = await SandboxCli.RunAsync(["plan", "--project", LocalEngine.Repo.Root], new FullDisk(), new FullDisk());

        Assert.That(code, Is.EqualTo(ExitCodes.Failed), "stdout failed: what plan found is not said");
    }

    [TestCase("a\nb")]
    [TestCase("pl\nan")]
    public async Task AWordWithALineFeedIsQuotedOnOneLine(string word)
    {
        var run = await Tool.RunAsync(word == "pl\nan" ? [word] : ["plan", word, "--project", LocalEngine.Repo.Root]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1), run.Error);
        Assert.That(run.Error, Does.Contain(word.Replace("\n", "\\n", StringComparison.Ordinal)));
    }

    // What a redirect to /dev/full gives: every write fails with ENOSPC.
    private sealed class FullDisk : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => throw new IOException("No space left on device");

        public override void Write(string? value) => throw new IOException("No space left on device");

        public override void WriteLine(string? value) => throw new IOException("No space left on device");

        public override void Flush()
        {
        }
    }
}
