using System.Diagnostics;
using Academy.Catalog.Project;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Tests.Support;

/// <summary>How long `up` and `show` take to report a local endpoint that accepts connections and never answers (target: under 10 s).</summary>
internal static class UnresponsiveEndpoint
{
    public static async Task PrintAsync(ProjectPaths repo)
    {
        using var silent = LoopbackServer.Silent();
        foreach (var command in new[] { "up", "show", "verify" })
        {
            var error = new StringWriter();
            var clock = Stopwatch.StartNew();
            var code = await SandboxCli.RunAsync([command, "--endpoint", silent.Endpoint, "--project", repo.Root], TextWriter.Null, error);
            var seconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"unresponsive local endpoint: {command} reported it in {seconds:0.0} s (target: under 10 s; exit {code}): {error.ToString().Trim()}");
        }
    }
}
