using System.Globalization;
using Academy.Sandbox.Tests.Support;

namespace Academy.Sandbox.Tests;

/// <summary>seed/engine/engine.sh on a busy port, on a DynamoDB it did not start, and resetting its data.</summary>
public sealed class EngineScriptTests
{
    [Test]
    public async Task StartOnAPortHeldByAnotherServerSaysWhatHoldsItAndNamesThePortVariable()
    {
        using var checkout = new ScratchCheckout(linkEngine: true);
        using var busy = BusyPort();

        var run = await EngineAsync(checkout, busy.Port, "start");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Error, Does.StartWith($"engine: port {busy.Port} on 127.0.0.1 is taken by something that is not a DynamoDB (it answers HTTP 404, Server: busy-test)"));
            Assert.That(run.Error, Does.Contain($"ACADEMY_SANDBOX_PORT={busy.Port + 1}"));
            Assert.That(run.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1), "one message, no Node stack trace");
            Assert.That(File.Exists(checkout.Resolve("seed/engine/engine.pid")), Is.False);
            Assert.That(ScriptProcess.ProcessesMentioning(checkout.Root), Is.Empty, "dynalite was started anyway");
        });
    }

    [Test]
    public async Task StatusOnAPortHeldByAnotherServerSaysWhatHoldsItInsteadOfSuggestingAStart()
    {
        using var checkout = new ScratchCheckout(linkEngine: true);
        using var busy = BusyPort();

        var run = await EngineAsync(checkout, busy.Port, "status");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(3));
            Assert.That(run.Error, Does.StartWith($"engine: not running; port {busy.Port} on 127.0.0.1 is taken by something that is not a DynamoDB"));
            Assert.That(run.Error, Does.Contain("ACADEMY_SANDBOX_PORT"));
            Assert.That(run.Output + run.Error, Does.Not.Contain("start it with"));
        });
    }

    [Test]
    public async Task StartReusesADynamoDbItDidNotStart()
    {
        using var checkout = new ScratchCheckout(linkEngine: true);

        var run = await EngineAsync(checkout, new Uri(LocalEngine.Endpoint).Port, "start");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Output, Does.StartWith($"engine: a DynamoDB not started by this script already answers at {LocalEngine.Endpoint}; reusing it"));
        Assert.That(File.Exists(checkout.Resolve("seed/engine/engine.pid")), Is.False);
    }

    [Test]
    public async Task ResetStopsTheEngineDeletesItsDataAndStartsItEmpty()
    {
        using var checkout = new ScratchCheckout(linkEngine: true);
        var port = LoopbackPort.Free();
        var endpoint = $"http://127.0.0.1:{port}";
        try
        {
            Assert.That((await EngineAsync(checkout, port, "start")).ExitCode, Is.Zero);
            var user = Tool.NewUser();
            Assert.That((await Tool.RunAsync("up", "--user", user, "--endpoint", endpoint)).ExitCode, Is.Zero);

            var reset = await EngineAsync(checkout, port, "reset");

            Assert.That(reset.ExitCode, Is.Zero, reset.Error);
            Assert.That(reset.Output, Does.Match(@"engine: stopped \(pid \d+\)\nengine: deleted seed/engine/data \(every table of every learner\)\nengine: started at "));
            var verify = await Tool.RunAsync("verify", "--user", user, "--endpoint", endpoint);
            Assert.That(verify.Output, Does.Contain($"{user}-academy-global: missing table"));
        }
        finally
        {
            await EngineAsync(checkout, port, "stop");
        }
    }

    [Test]
    public async Task StatusWarnsWhenTheDataFolderWasDeletedUnderTheRunningEngine()
    {
        using var checkout = new ScratchCheckout(linkEngine: true);
        var port = LoopbackPort.Free();
        try
        {
            Assert.That((await EngineAsync(checkout, port, "start")).ExitCode, Is.Zero);
            Directory.Delete(checkout.Resolve("seed/engine/data"), recursive: true);

            var status = await EngineAsync(checkout, port, "status");

            Assert.That(status.Output, Does.StartWith("engine: running at "));
            Assert.That(status.Error, Does.StartWith("engine: seed/engine/data was deleted while the engine ran")
                .And.Contain($"run ACADEMY_SANDBOX_PORT={port} seed/engine/engine.sh reset"), "the reset of this engine, not of the one on the default port");
        }
        finally
        {
            await EngineAsync(checkout, port, "stop");
        }
    }

    [Test]
    public async Task StatusOfNoEngineOnAnotherPortSaysHowToStartOneThere()
    {
        using var checkout = new ScratchCheckout(linkEngine: true);
        var port = LoopbackPort.Free();
        try
        {
            var status = await EngineAsync(checkout, port, "status");

            // Before, the hint left the port out, and pasted it started an engine on 8000.
            var hint = $"ACADEMY_SANDBOX_PORT={port} scripts/sandbox.sh start";
            Assert.That(status.ExitCode, Is.EqualTo(3));
            Assert.That(status.Output, Is.EqualTo($"engine: not running at http://127.0.0.1:{port}; start it with {hint}\n"));

            // Pasted as printed, from the checkout's root: a script of that one line.
            File.WriteAllText(checkout.Resolve("pasted.sh"), hint + "\n");
            var pasted = await ScriptProcess.RunAsync(checkout.Root, "pasted.sh", [], new Dictionary<string, string> { ["PATH"] = checkout.SearchPath });
            Assert.That(pasted.ExitCode, Is.Zero, pasted.Error);
            Assert.That((await EngineAsync(checkout, port, "status")).Output, Does.StartWith($"engine: running at http://127.0.0.1:{port}"));
        }
        finally
        {
            await EngineAsync(checkout, port, "stop");
        }
    }

    // One checkout has one pid file and one data folder. Before, stop, reset and status on another
    // port acted on the engine started here wherever it ran (a pasted hint stopped it and deleted its
    // data), and start ran a second engine on the same data folder.
    [Test]
    public Task CommandsOnAnotherPortLeaveTheEngineStartedHereAlone() => OnTwoPortsAsync(async (checkout, port, other) =>
    {
        Assert.That((await EngineAsync(checkout, port, "start")).ExitCode, Is.Zero);
        File.WriteAllText(checkout.Resolve("seed/engine/data/kept"), "");

        var stop = await EngineAsync(checkout, other, "stop");
        var reset = await EngineAsync(checkout, other, "reset");
        var start = await EngineAsync(checkout, other, "start");
        var status = await EngineAsync(checkout, other, "status");

        var mine = $"ACADEMY_SANDBOX_PORT={port} seed/engine/engine.sh";
        Assert.Multiple(() =>
        {
            Assert.That((stop.ExitCode, stop.Error.TrimEnd()), Is.EqualTo((1, $"engine: the engine started here runs on port {port}, not {other}; nothing stopped (to stop it: {mine} stop)")));
            Assert.That((reset.ExitCode, reset.Error.TrimEnd()), Is.EqualTo((1, $"engine: the engine started here runs on port {port} with seed/engine/data; nothing stopped or deleted (to reset it: {mine} reset)")));
            Assert.That(start.ExitCode, Is.EqualTo(1));
            Assert.That(start.Error, Does.StartWith($"engine: the engine started here already runs on port {port}").And.Contain("two engines on one data folder"));
            Assert.That((status.ExitCode, status.Output.TrimEnd()), Is.EqualTo((3, $"engine: not running at http://127.0.0.1:{other}; the engine started here runs on port {port} (ACADEMY_SANDBOX_PORT={port})")));
            Assert.That(File.Exists(checkout.Resolve("seed/engine/data/kept")), Is.True, "the data folder was deleted");
        });
        Assert.That((await EngineAsync(checkout, port, "status")).Output, Does.StartWith($"engine: running at http://127.0.0.1:{port}"), "the engine was stopped");
    });

    // Each start saw no engine of this checkout and started one: two dynalites on one data folder.
    [Test]
    public Task TwoStartsAtOnceOnTwoPortsStartOneEngine() => OnTwoPortsAsync(async (checkout, port, other) =>
    {
        var runs = await Task.WhenAll(EngineAsync(checkout, port, "start"), EngineAsync(checkout, other, "start"));

        Assert.That(runs.Select(r => r.ExitCode).Order(), Is.EqualTo(new[] { 0, 1 }), string.Join("\n", runs.Select(r => r.Output + r.Error)));
        Assert.That(runs.Single(r => r.ExitCode == 1).Error, Does.Contain("two engines on one data folder"));
        Assert.That(ScriptProcess.ProcessesMentioning(checkout.Root), Has.Count.EqualTo(1), "one dynalite on the data folder");
    });

    // Reached through a symlink, the checkout looked like another one: its engine "no longer running"
    // and a second engine started on the same data folder.
    [Test]
    public Task ACheckoutReachedThroughASymlinkIsOneCheckout() => OnTwoPortsAsync(async (checkout, port, other) =>
    {
        var link = Path.Combine(Path.GetTempPath(), "academy-link-" + Guid.NewGuid().ToString("N"));
        Directory.CreateSymbolicLink(link, checkout.Root);
        try
        {
            var started = await ScriptProcess.RunAsync(link, "seed/engine/engine.sh", ["start"], new Dictionary<string, string>
            {
                ["ACADEMY_SANDBOX_PORT"] = port.ToString(CultureInfo.InvariantCulture),
                ["PATH"] = checkout.SearchPath,
                ["PWD"] = link, // as a shell that did `cd` through the link has it
            });
            Assert.That(started.ExitCode, Is.Zero, started.Error);

            var status = await EngineAsync(checkout, port, "status");
            var second = await EngineAsync(checkout, other, "start");

            Assert.That((status.Output, status.Error), Is.EqualTo(($"engine: running at http://127.0.0.1:{port} (pid {File.ReadAllText(checkout.Resolve("seed/engine/engine.pid")).Trim()})\n", "")));
            Assert.That(second.ExitCode, Is.EqualTo(1));
            Assert.That(second.Error, Does.Contain("two engines on one data folder"));
        }
        finally
        {
            Directory.Delete(link);
        }
    });

    // A pid file left behind may name a process that got the number since: it is not the engine, even
    // one that names the engine's script among its arguments (a shell, an editor, `tail -f`).
    [Test]
    public async Task APidFileNamingAnotherProcessIsNotTheEngine()
    {
        using var checkout = new ScratchCheckout(linkEngine: true);
        var engine = checkout.Resolve("seed/engine");
        using var stranger = System.Diagnostics.Process.Start("bash", ["-c", "sleep 60; :", Path.Combine(engine, "node_modules/dynalite/cli.js"), "--port", "1", "--path", Path.Combine(engine, "data")]);
        try
        {
            File.WriteAllText(checkout.Resolve("seed/engine/engine.pid"), stranger.Id.ToString(CultureInfo.InvariantCulture));

            var stop = await EngineAsync(checkout, LoopbackPort.Free(), "stop");

            Assert.That(stop.ExitCode, Is.Zero);
            Assert.That(stop.Output, Does.StartWith("engine: not running"));
            Assert.That(stranger.HasExited, Is.False, "stop killed a process that is not the engine");
        }
        finally
        {
            stranger.Kill(entireProcessTree: true);
        }
    }

    // The CLI reads 018801 as 18801; the script does too, and spells it plainly in what it prints.
    [Test]
    public async Task APortWithLeadingZerosIsThePortTheCliUses()
    {
        using var checkout = new ScratchCheckout(linkEngine: true);
        var port = LoopbackPort.Free();

        var run = await ScriptProcess.RunAsync(checkout.Root, "seed/engine/engine.sh", ["status"],
            new Dictionary<string, string> { ["ACADEMY_SANDBOX_PORT"] = $"00{port}", ["PATH"] = checkout.SearchPath });

        Assert.That((run.ExitCode, run.Output.TrimEnd()), Is.EqualTo((3, $"engine: not running at http://127.0.0.1:{port}; start it with ACADEMY_SANDBOX_PORT={port} scripts/sandbox.sh start")));
    }

    [TestCase("abc")]
    [TestCase("70000")]
    [TestCase("0")]
    [TestCase("000000")]
    [TestCase("0000065536")]
    public async Task APortVariableThatIsNotAPortIsNamed(string port)
    {
        using var checkout = new ScratchCheckout(linkEngine: true);

        var run = await ScriptProcess.RunAsync(checkout.Root, "seed/engine/engine.sh", ["start"], new Dictionary<string, string> { ["ACADEMY_SANDBOX_PORT"] = port, ["PATH"] = checkout.SearchPath });

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Is.EqualTo($"engine: ACADEMY_SANDBOX_PORT='{port}' is not a port number (1 to 65535)\n"));
    }

    // A scratch checkout and two free ports; whatever a test started is stopped on both afterwards.
    private static async Task OnTwoPortsAsync(Func<ScratchCheckout, int, int, Task> test)
    {
        using var checkout = new ScratchCheckout(linkEngine: true);
        var (port, other) = (LoopbackPort.Free(), LoopbackPort.Free());
        try
        {
            await test(checkout, port, other);
        }
        finally
        {
            await EngineAsync(checkout, port, "stop");
            await EngineAsync(checkout, other, "stop");
        }
    }

    private static Task<CliRun> EngineAsync(ScratchCheckout checkout, int port, string command) =>
        ScriptProcess.RunAsync(checkout.Root, "seed/engine/engine.sh", [command], new Dictionary<string, string>
        {
            ["ACADEMY_SANDBOX_PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["PATH"] = checkout.SearchPath,
        });

    /// <summary>A loopback port held by a plain HTTP server that is not a DynamoDB: it answers 404 to everything.</summary>
    private static LoopbackServer BusyPort() => LoopbackServer.Http(404, "Not Found", "text/plain", "", server: "busy-test");
}
