using System.Diagnostics;
using System.Globalization;
using Academy.Catalog;
using Academy.Catalog.Project;
using Academy.Catalog.Settings;
using Academy.Sandbox.Tests.Support;
using Academy.Tests.Shared;

namespace Academy.Benchmarks;

/// <summary>
/// Issue 18's targets, each as whole processes the way a user runs them (through bin/academy-sandbox,
/// launcher included), printed next to its goal and beside its peer measured in the same run: the Node
/// script a user would write instead for `up`, and the JIT build of the same CLI for the rest. Wall
/// times on a shared machine are noisy, so every line also gives the CPU time (user + system) of the
/// whole process tree, and the load average is printed at the start and the end.
/// </summary>
internal static class Targets
{
    private const int WarmRuns = 10;

    public static async Task RunAsync(ProjectPaths repo, int count, int rounds)
    {
        var launcher = repo.Resolve("bin/academy-sandbox");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {Load()} (1, 5, 15 min) at the start; .NET {Environment.Version}, Node {Version("node", "--version")}");

        // The native build is made once here (not measured); without a C toolchain it fails and the
        // launcher's default runs the JIT build, which the figures below then show.
        var native = await Measure(launcher, ["--version"], repo.Root, Build("native"));
        Console.WriteLine(native.Code == 0
            ? "native build: ready (bin/academy-sandbox runs it by default)"
            : $"native build: FAILED, so the default is the JIT build: {native.Error.Trim()}");
        await Measure(launcher, ["--version"], repo.Root, Build("jit")); // builds the JIT one if stale

        await WarmStart(launcher, repo);
        await Up(launcher, repo, count, rounds);
        await Roster(launcher);
        Console.WriteLine($"load average {Load()} at the end");
    }

    private static async Task WarmStart(string launcher, ProjectPaths repo)
    {
        Console.WriteLine($"warm start through bin/academy-sandbox, median of {WarmRuns} runs (goal: under 0.1 s):");
        foreach (var args in new[] { new[] { "--version" }, ["plan"] })
        {
            var native = await Median(launcher, args, repo.Root, Build("auto"));
            var jit = await Median(launcher, args, repo.Root, Build("jit"));
            Console.WriteLine($"  academy-sandbox {string.Join(' ', args),-10} {native} | JIT build {jit}");
        }
    }

    private static async Task Up(string launcher, ProjectPaths repo, int count, int rounds)
    {
        using var project = new ScratchProject();
        project.Write("seed/items/global.json", BulkItems.Json(count));
        project.Write("seed/items/jobs.json", "[]\n");
        var catalog = CatalogBuilder.Build(new DictionaryConfigSource("bench"), project.Paths);
        var itemsFile = Path.Combine(project.Root, "items.jsonl");
        File.WriteAllLines(itemsFile, catalog.ItemsOf("global").Select(i => i.ToDynamoJson()));
        var total = catalog.ItemsOf("global").Count();
        using var engine = await Dynalite.StartAsync(repo.Resolve("seed/engine"));
        var nodeScript = Path.Combine(AppContext.BaseDirectory, "node-seed.mjs");
        Console.WriteLine($"up of {total:N0} items as its own process, 4 requests in flight, dynalite in memory at {engine.Endpoint}; {rounds} rounds after one warm-up round:");

        var ups = new List<ProcessRun>();
        var agains = new List<ProcessRun>();
        var nodes = new List<ProcessRun>();
        var jitAgains = new List<ProcessRun>();
        var scans = new List<ProcessRun>();
        var scanScript = Path.Combine(AppContext.BaseDirectory, "node-scan.mjs");
        for (var round = 0; round <= rounds; round++)
        {
            string[] common = ["--project", project.Root, "--endpoint", engine.Endpoint, "--concurrency", "4"];
            var up = Check(await Measure(launcher, ["up", "--user", $"bench{round}", .. common], project.Root, Build("auto")), "up");
            var again = Check(await Measure(launcher, ["up", "--user", $"bench{round}", .. common], project.Root, Build("auto")), "up again");
            var jitAgain = Check(await Measure(launcher, ["up", "--user", $"bench{round}", .. common], project.Root, Build("jit")), "JIT up again");
            var node = Check(await Measure("node", [nodeScript, engine.Endpoint, $"node-bench{round}", itemsFile, "4"], project.Root, new() { ["ACADEMY_ENGINE_DIR"] = repo.Resolve("seed/engine"), ["NODE_NO_WARNINGS"] = "1" }), "node");
            var scan = Check(await Measure("node", [scanScript, engine.Endpoint, $"node-bench{round}"], project.Root, new() { ["ACADEMY_ENGINE_DIR"] = repo.Resolve("seed/engine"), ["NODE_NO_WARNINGS"] = "1" }), "node scan");
            if (round == 0)
            {
                continue; // warm-up: page cache, Node's module cache, the engine's JIT
            }

            ups.Add(up);
            agains.Add(again);
            nodes.Add(node);
            jitAgains.Add(jitAgain);
            scans.Add(scan);
            Console.WriteLine($"  round {round}: academy-sandbox up {up}; Node script {node}; up again {again}");
        }

        var (dotnetSeconds, nodeSeconds) = (MedianOf(ups, r => r.Seconds), MedianOf(nodes, r => r.Seconds));
        Console.WriteLine($"  speed, Node script time / up time: {nodeSeconds / dotnetSeconds:0.00}x (goal: at least 1.2x; up {dotnetSeconds:0.00} s, Node {nodeSeconds:0.00} s)");
        Console.WriteLine($"  client CPU per 1,000 items: up {MedianOf(ups, r => r.CpuMs) * 1000 / total:0} ms, Node {MedianOf(nodes, r => r.CpuMs) * 1000 / total:0} ms (goal: up at or below Node)");
        Console.WriteLine($"  second up, nothing to write: {MedianOf(agains, r => r.Seconds):0.00} s, {MedianOf(agains, r => r.CpuMs):0} ms CPU (goal: under 0.5 s) | JIT build {MedianOf(jitAgains, r => r.Seconds):0.00} s, {MedianOf(jitAgains, r => r.CpuMs):0} ms CPU | Node script that only scans the table back {MedianOf(scans, r => r.Seconds):0.00} s, {MedianOf(scans, r => r.CpuMs):0} ms CPU (the engine's floor)");
    }

    private static async Task Roster(string launcher)
    {
        using var project = new ScratchProject();
        Console.WriteLine("plan of a roster, through bin/academy-sandbox:");
        foreach (var (learners, goal) in new[] { (1_250, "goal: under 3 s and 300 MB"), (10_000, "refused by the table quota; goal: cheaper than building it") })
        {
            var roster = Path.Combine(project.Root, $"roster-{learners}.yaml");
            File.WriteAllLines(roster, RosterLines(learners));
            string[] args = ["plan", "--roster", roster, "--project", project.Root];
            var native = await Measure(launcher, args, project.Root, Build("auto"));
            var jit = await Measure(launcher, args, project.Root, Build("jit"));
            Console.WriteLine($"  {learners:N0} learners ({2 * learners:N0} tables; exit {native.Code}): {native}, peak {native.PeakMegabytes} MB ({goal}) | JIT build {jit}, peak {jit.PeakMegabytes} MB");
        }
    }

    // As RosterBenchmark's: every third learner with tags and an item of their own.
    private static IEnumerable<string> RosterLines(int learners)
    {
        yield return "learners:";
        for (var i = 1; i <= learners; i++)
        {
            var name = $"learner{i:D5}";
            yield return i % 3 == 0
                ? $"  - {{name: {name}, tags: {{team: t{i % 5}}}, items: {{global: [{{name: {name}-note, text: hello, n: {i}}}]}}}}"
                : $"  - {name}";
        }
    }

    private static Dictionary<string, string> Build(string kind) => new() { ["ACADEMY_SANDBOX_BUILD"] = kind };

    private static ProcessRun Check(ProcessRun run, string what) =>
        run.Code == 0 ? run : throw new InvalidOperationException($"{what} exited {run.Code}: {run.Error}");

    private static async Task<string> Median(string file, string[] args, string directory, Dictionary<string, string> environment)
    {
        var runs = new List<ProcessRun>();
        for (var i = 0; i < WarmRuns; i++)
        {
            runs.Add(Check(await Measure(file, args, directory, environment), string.Join(' ', args)));
        }

        return $"{MedianOf(runs, r => r.Seconds):0.000} s, {MedianOf(runs, r => r.CpuMs):0} ms CPU";
    }

    private static double MedianOf(List<ProcessRun> runs, Func<ProcessRun, double> pick)
    {
        var sorted = runs.Select(pick).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>One process from start to exit: wall time, CPU of it and everything it waited for, and its peak resident memory.</summary>
    private static async Task<ProcessRun> Measure(string file, string[] args, string directory, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var cpuBefore = ChildCpu.Total();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExitAsync();
        long peak = 0;
        // The launcher execs the CLI, so the pid is the CLI's; its high-water mark only grows.
        while (!exited.IsCompleted)
        {
            peak = Math.Max(peak, PeakKilobytes(process.Id));
            await Task.WhenAny(exited, Task.Delay(5));
        }

        await exited;
        var seconds = clock.Elapsed.TotalSeconds;
        return new ProcessRun(process.ExitCode, seconds, (ChildCpu.Total() - cpuBefore).TotalMilliseconds, peak, await output, await error);
    }

    private static long PeakKilobytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0; // it has just exited
        }
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Version(string file, string arg)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arg) { RedirectStandardOutput = true })!;
        var text = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return text;
    }

    private sealed record ProcessRun(int Code, double Seconds, double CpuMs, long PeakKb, string Output, string Error)
    {
        public long PeakMegabytes => PeakKb / 1024;

        public override string ToString() => $"{Seconds:0.000} s, {CpuMs:0} ms CPU";
    }
}
