using Academy.Sandbox.Cli;

namespace Academy.Sandbox.Tests.Support;

/// <summary>What one CLI run printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error);

/// <summary>Runs academy-sandbox in-process through its command entry point.</summary>
public static class Tool
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await SandboxCli.RunAsync(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>The options that point a command at <paramref name="user"/>'s tables in the test engine, for the repository's catalog.</summary>
    public static string[] LocalTarget(string user) => ["--user", user, "--endpoint", LocalEngine.Endpoint, "--project", LocalEngine.Repo.Root];

    /// <summary>A learner name no other test uses, so every test has tables of its own.</summary>
    public static string NewUser() => "t" + Guid.NewGuid().ToString("N")[..10];
}
