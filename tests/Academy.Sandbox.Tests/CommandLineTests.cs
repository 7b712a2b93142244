using Academy.Sandbox.Cli;
using Academy.Sandbox.Tests.Support;

namespace Academy.Sandbox.Tests;

/// <summary>The command line itself: option validation and what each command's help says.</summary>
public sealed class CommandLineTests
{
    [TestCase("0")]
    [TestCase("-3")]
    [TestCase("many")]
    public async Task ConcurrencyBelowOneOrNotANumberIsOneLineNamingTheOptionAndNothingRuns(string value)
    {
        var run = await Tool.RunAsync("up", "--concurrency", value, "--endpoint", "http://127.0.0.1:1", "--project", LocalEngine.Repo.Root);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failed));
        Assert.That(run.Error.Trim(), Is.EqualTo($"--concurrency must be a whole number of at least 1, not '{value}'"));
        Assert.That(run.Output, Is.Empty, "no help dump, no up header: nothing ran");
    }
}
