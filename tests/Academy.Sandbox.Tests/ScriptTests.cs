using System.Globalization;
using System.Text.RegularExpressions;
using Academy.Sandbox.Tests.Support;

namespace Academy.Sandbox.Tests;

/// <summary>
/// Ctrl+C through scripts/sandbox.sh: the script runs as a real child process in its own process group
/// and gets SIGINT on the whole group, as a terminal sends it, in each step (npm ci, the build, up, show).
/// </summary>
public sealed class ScriptTests
{
    private const string Cancelled = "cancelled; run the command again to finish";
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(15);

    private ScratchProject _big = null!;

    [OneTimeSetUp]
    public void WriteManyItems()
    {
        // Enough items that up and show each run for seconds, so Ctrl+C lands while they work.
        _big = new ScratchProject();
        var seed = File.ReadAllText(LocalEngine.Repo.Resolve("seed/items/global.json")).Trim().TrimEnd(']');
        _big.Write("seed/items/global.json", seed + "," + string.Join(",", Enumerable.Range(0, 30_000).Select(i => $"{{\"name\":\"item-{i}\",\"n\":{i}}}")) + "]");
    }

    [OneTimeTearDown]
    public void Remove() => _big.Dispose();

    [Test]
    public async Task CtrlCDuringUpStopsTheWritesAndSaysCancelledOnce()
    {
        var user = Tool.NewUser();
        using var script = StartSandbox("--project", _big.Root, "--user", user);
        await script.WaitForAsync($"table {user}-academy-global: created", TimeSpan.FromMinutes(3));

        script.Interrupt();

        await AssertCancelledAsync(script, _big.Root);
        Assert.That(script.Output, Does.Not.Contain("done in"));
        // The batches in flight when the step was killed are the engine's to apply still: count after them.
        var written = await Items.SettledCountAsync($"{user}-academy-global");
        await Task.Delay(500);
        Assert.That((await Items.ScanAsync($"{user}-academy-global")).Count, Is.EqualTo(written).And.LessThan(30_000), "writes went on after Ctrl+C");
    }

    [Test]
    public async Task CtrlCDuringShowStopsItAndSaysCancelledOnce()
    {
        var user = Tool.NewUser();
        var up = await Tool.RunAsync("up", "--project", _big.Root, "--user", user, "--endpoint", LocalEngine.Endpoint);
        Assert.That(up.ExitCode, Is.Zero, up.Error);
        using var script = StartSandbox("--project", _big.Root, "--user", user);
        await script.WaitForAsync("done in", TimeSpan.FromMinutes(3));
        await script.WaitForAsync($"What the ETL sees for learner {user}", TimeSpan.FromMinutes(1));

        script.Interrupt();

        await AssertCancelledAsync(script, _big.Root);
        Assert.That(LineCount(script.Output), Is.LessThan(30_000 * 3), "show printed every source although it was cancelled");
    }

    [Test]
    public async Task CtrlCDuringTheBuildStopsItAndSaysCancelledOnce()
    {
        using var checkout = new ScratchCheckout();
        using var script = ScriptProcess.Start(checkout.Root, "scripts/sandbox.sh", ["cli", "plan"], new Dictionary<string, string> { ["PATH"] = checkout.SearchPath });
        await script.WaitForAsync("building academy-sandbox...", TimeSpan.FromMinutes(1));
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        script.Interrupt();

        await AssertCancelledAsync(script, checkout.Root);
        Assert.That(File.Exists(checkout.Resolve(".artifacts/sandbox/.built")), Is.False, "an interrupted build must not count as built");
    }

    [Test]
    public async Task CtrlCDuringTheEngineInstallStopsNpmAndSaysCancelledOnce()
    {
        using var checkout = new ScratchCheckout();
        // A stand-in for a slow `npm ci` (the real one needs the network): it records its pid and waits.
        checkout.WriteExecutable("stand-ins/npm", "#!/usr/bin/env bash\necho $$ >\"$(dirname \"$0\")/npm.pid\"\nexec sleep 60\n");
        using var script = ScriptProcess.Start(checkout.Root, "scripts/sandbox.sh", ["start"], new Dictionary<string, string> { ["PATH"] = checkout.SearchPath });
        await script.WaitForAsync("engine: installing dynalite", TimeSpan.FromMinutes(1));
        // The file exists once the shell opens it for the redirect, a moment before the pid is in it.
        var pidFile = checkout.Resolve("stand-ins/npm.pid");
        while (!File.Exists(pidFile) || File.ReadAllText(pidFile).Trim().Length == 0)
        {
            await Task.Delay(25);
        }

        script.Interrupt();

        await AssertCancelledAsync(script, checkout.Root);
        var npm = int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture);
        // SIGKILL is delivered asynchronously: give the kernel a moment to end the process (a bound, not a timing assertion).
        for (var waited = 0; waited < 5_000 && ScriptProcess.IsAlive(npm); waited += 50)
        {
            await Task.Delay(50);
        }

        Assert.That(ScriptProcess.IsAlive(npm), Is.False, "npm ci still runs after Ctrl+C");
    }

    internal static ScriptProcess StartSandbox(params string[] args) =>
        ScriptProcess.Start(LocalEngine.Repo.Root, "scripts/sandbox.sh", args, new Dictionary<string, string>
        {
            ["ACADEMY_SANDBOX_PORT"] = new Uri(LocalEngine.Endpoint).Port.ToString(CultureInfo.InvariantCulture),
        });

    private static async Task AssertCancelledAsync(ScriptProcess script, string folder)
    {
        var code = await script.WaitForExitAsync(Prompt);
        // The signal reaches a step's own children asynchronously (dotnet's build nodes end a moment after
        // it): give them a moment to end, as the npm test does (a bound, not a timing assertion).
        for (var waited = 0; waited < 5_000 && ScriptProcess.ProcessesMentioning(folder).Count > 0; waited += 50)
        {
            await Task.Delay(50);
        }

        var left = ScriptProcess.ProcessesMentioning(folder);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(130), script.Error);
            Assert.That(Regex.Count(script.Error, Regex.Escape(Cancelled)), Is.EqualTo(1), script.Error);
            Assert.That(left, Is.Empty, "a step still runs after Ctrl+C: " + string.Join("; ", left.Select(ScriptProcess.CommandLine)));
        });
    }

    private static int LineCount(string text) => text.Count(c => c == '\n');
}
