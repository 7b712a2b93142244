using System.Diagnostics;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Tests.Support;

namespace Academy.Sandbox.Tests;

/// <summary>Ctrl+C sent as a real SIGINT to the built tool while it writes to the real engine.</summary>
public sealed class InterruptTests
{
    private const int Items = 40_000;

    [Test]
    public async Task CtrlCDuringALargeUpStopsItPrintsWhatToDoAndExits130AndRunningItAgainFinishes()
    {
        using var project = new ScratchProject();
        project.Write("seed/items/global.json", ScaleTests.GlobalSeed(Items));
        var user = Tool.NewUser();
        string[] args = ["up", "--user", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint];

        // One request in flight, so the run lasts seconds past its first progress line even on a fast
        // machine and the interrupt always lands mid-write.
        using var process = BuiltTool.Start([.. args, "--concurrency", "1"]);
        var error = process.StandardError.ReadToEndAsync();
        string? line;
        while ((line = await process.StandardOutput.ReadLineAsync()) is not null && !line.Contains("writes done", StringComparison.Ordinal))
        {
        }

        Assert.That(line, Is.Not.Null, "up reported progress while writing");
        await SendInterruptAsync(process.Id);
        var rest = await process.StandardOutput.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
        {
            await process.WaitForExitAsync(timeout.Token);
        }

        Assert.That(process.ExitCode, Is.EqualTo(ExitCodes.Cancelled), await error);
        Assert.That((await error).Trim(), Is.EqualTo("cancelled; run the command again to finish (up writes only what is still missing)"));
        Assert.That(rest, Does.Not.Contain("done in"), "it stopped instead of running to the end");
        // The request in flight at the interrupt is cancelled by the tool but may still be applied by the
        // engine after the tool has exited: count after it, or `again` finds it written and the numbers differ.
        var written = await Support.Items.SettledCountAsync($"{user}-academy-global");
        Assert.That(written, Is.LessThan(Items + 1), "the interrupt stopped the writes");

        var again = await Tool.RunAsync(args);
        Assert.That(again.ExitCode, Is.Zero, again.Error);
        Assert.That(again.Output, Does.Contain($"global: {Items + 1 - written:N0} written, {written:N0} unchanged"));
    }

    // What a terminal sends on Ctrl+C.
    private static async Task SendInterruptAsync(int pid)
    {
        using var kill = Process.Start("kill", ["-INT", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        Assert.That(kill.ExitCode, Is.Zero, "kill -INT");
    }
}
