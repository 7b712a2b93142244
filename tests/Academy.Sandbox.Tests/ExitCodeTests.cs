using System.CommandLine;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Tests.Support;

namespace Academy.Sandbox.Tests;

/// <summary>Exit codes a script can trust: a wrong command line is one code for every command, apart from drift and from failures.</summary>
public sealed class ExitCodeTests
{
    private static IEnumerable<string> Commands() => SandboxCli.Build().Subcommands.Select(c => c.Name);

    [TestCaseSource(nameof(Commands))]
    public async Task AMistypedOptionIsTheUsageCodeAndNothingRuns(string command)
    {
        var run = await Tool.RunAsync(command, "--usr", "bob", "--project", LocalEngine.Repo.Root);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.Error);
        Assert.That(run.ExitCode, Is.Not.EqualTo(ExitCodes.Drift), "a typo must not look like drift to a script");
        Assert.That(run.Output, Is.Empty, "nothing ran");
    }

    [TestCaseSource(nameof(Commands))]
    public async Task ABadValueIsTheUsageCodeAndNothingRuns(string command)
    {
        var run = await Tool.RunAsync(command, "--endpoint", "127.0.0.1:8000", "--project", LocalEngine.Repo.Root);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.Error);
        Assert.That(run.Error, Does.Contain("--endpoint"));
        Assert.That(run.Output, Is.Empty, "nothing ran");
    }

    [TestCaseSource(nameof(Commands))]
    public async Task AMissingValueIsTheUsageCode(string command)
    {
        var run = await Tool.RunAsync(command, "--project", LocalEngine.Repo.Root, "--user");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.Error);
        Assert.That(run.Output, Is.Empty, "nothing ran");
    }

    [Test]
    public async Task AnUnknownCommandIsTheUsageCode()
    {
        var run = await Tool.RunAsync("veriffy", "--user", "bob");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
    }

    [Test]
    public void EveryCodeHasOneMeaning() =>
        Assert.That(new[] { ExitCodes.Ok, ExitCodes.Drift, ExitCodes.Usage, ExitCodes.Unreachable, ExitCodes.CatalogInvalid, ExitCodes.Failed, ExitCodes.Cancelled }, Is.Unique);

    [TestCaseSource(nameof(Commands))]
    public async Task EveryCommandsHelpListsTheCodesItDeclaresAndTheUsageCode(string command)
    {
        var declared = SandboxCli.Build().Subcommands.Single(c => c.Name == command);

        var run = await Tool.RunAsync(command, "--help");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok));
        Assert.That(declared, Is.InstanceOf<IDocumentsExitCodes>(), $"{command} --help lists no exit codes");
        var section = run.Output[run.Output.IndexOf("Exit codes:", StringComparison.Ordinal)..];
        var codes = ((IDocumentsExitCodes)declared).DocumentedExitCodes
            .Concat(((SandboxAction)declared.Action!).CommonExitCodes)
            .Append(ExitCodes.UsageHelp);
        foreach (var (code, meaning) in codes)
        {
            Assert.That(section, Does.Match($"(?m)^  {code,-4} .*{System.Text.RegularExpressions.Regex.Escape(meaning)}"), $"{command}: {code} {meaning}");
        }

        Assert.That(section, Does.Contain($"  {ExitCodes.Usage,-4} the command line is wrong"));
    }
}
