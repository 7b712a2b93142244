using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text.Json;
using System.Text.Json.Nodes;
using Academy.Benchmarks;
using Academy.Catalog;
using Academy.Catalog.Project;
using Academy.Catalog.Settings;
using Academy.Infra.Tests.Support;
using Academy.Tests.Shared;
using Pulumi;
using Pulumi.Testing;
using LearnerCatalog = Academy.Catalog.Catalog;

namespace Academy.Infra.Benchmarks;

/// <summary>
/// Runs the real program (<see cref="AcademyStack"/>, seed files read from a scratch project) and the
/// raw program (<see cref="RawStack"/>) against the same mocks in this process, alternating, and
/// prints the medians of wall time, CPU time and allocated bytes with the ratio beside its goal.
/// </summary>
internal static class MockedRuns
{
    /// <summary>The stack name: with no config, the learner is the stack's name.</summary>
    private const string Stack = "alice";

    private static readonly TestOptions Options = new() { ProjectName = "academy", StackName = Stack, IsPreview = false };

    public static string Load() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>
    /// Runs program and raw <paramref name="rounds"/> times each at the given size, unmeasured, and
    /// returns how many methods the JIT compiled meanwhile. Code run once per deployment (the catalog,
    /// the stack's constructor) is compiled optimized only after some 60 calls (tier 0, then
    /// instrumented, then optimized with the profile), so a few rounds leave it half-warmed in the
    /// measured rounds, and the program, which runs more such code than raw, pays for it there.
    /// </summary>
    public static Task<int> WarmUpAsync(int extra, int rounds) => InProjectAsync(extra, async (_, paths) =>
    {
        var compiled = JitInfo.GetCompiledMethodCount();
        for (var round = 0; round < rounds; round++)
        {
            await Deployment.TestAsync<AcademyStack>(new RecordingMocks(), Options);
            await Deployment.TestAsync<RawStack>(new RecordingMocks(), Options);
            CatalogBuilder.Build(new DictionaryConfigSource(Stack), paths);
        }

        return (int)(JitInfo.GetCompiledMethodCount() - compiled);
    });

    private enum Run
    {
        Program,
        Raw,
        Control,
    }

    private static readonly Run[][] Orders =
    [
        [Run.Program, Run.Raw, Run.Control],
        [Run.Control, Run.Program, Run.Raw],
        [Run.Raw, Run.Control, Run.Program],
    ];

    public static Task<Result> RunAsync(int extra, int rounds) => InProjectAsync(extra, async (catalog, paths) =>
    {
        var items = catalog.Items.Count;
        Console.WriteLine($"{extra:N0} extra items: {items:N0} items and {catalog.Tables.Count} tables declared; {rounds} rounds after a warm-up round, rotating the order of program, raw and raw again:");

        // The warm-up round (page cache, this size's heap) doubles as the check that both declare the same resources.
        var programMocks = new RecordingMocks();
        var rawMocks = new RecordingMocks();
        await Measure(() => Deployment.TestAsync<AcademyStack>(programMocks, Options));
        await Measure(() => Deployment.TestAsync<RawStack>(rawMocks, Options));
        await Measure(() => Task.FromResult(CatalogBuilder.Build(new DictionaryConfigSource(Stack), paths)));
        Console.WriteLine($"  check: {Check(programMocks, rawMocks)}");

        var programs = new List<Sample>();
        var raws = new List<Sample>();
        var controls = new List<Sample>();
        var catalogs = new List<Sample>();
        var compiled = JitInfo.GetCompiledMethodCount();
        for (var round = 1; round <= rounds; round++)
        {
            // Rotate the order (program, raw, raw again; then raw again, program, raw; then raw, raw
            // again, program), so each run takes each place equally often and a slow spell of the
            // shared machine, or whatever the run before leaves behind, hits all alike. The raw
            // program runs a second time as a control: its ratio to the first is this machine's noise.
            Sample program = default!, raw = default!, control = default!;
            foreach (var which in Orders[(round - 1) % Orders.Length])
            {
                switch (which)
                {
                    case Run.Program:
                        program = await Measure(() => Deployment.TestAsync<AcademyStack>(new RecordingMocks(), Options));
                        break;
                    case Run.Raw:
                        raw = await Measure(() => Deployment.TestAsync<RawStack>(new RecordingMocks(), Options));
                        break;
                    default:
                        control = await Measure(() => Deployment.TestAsync<RawStack>(new RecordingMocks(), Options));
                        break;
                }
            }

            var alone = await Measure(() => Task.FromResult(CatalogBuilder.Build(new DictionaryConfigSource(Stack), paths)));
            programs.Add(program);
            raws.Add(raw);
            controls.Add(control);
            catalogs.Add(alone);
            Console.WriteLine($"  round {round}: program {program}; raw {raw}; raw again {control}; catalog alone {alone}");
        }

        var compiledDuring = JitInfo.GetCompiledMethodCount() - compiled;

        // The ratio is taken within each round, where program and raw ran back to back on the
        // same machine state, and the median of those is printed: steadier than a ratio of medians
        // on a machine shared with other work.
        var result = new Result(extra, items, Sample.Median(programs), Sample.Median(raws), Sample.Median(catalogs),
            Ratios(programs, raws), Quickest(programs, raws), Ratios(controls, raws), Quickest(controls, raws));
        result.Print(rounds);
        Console.WriteLine($"  the JIT compiled {compiledDuring:N0} methods during these rounds, mostly the reflection stubs the SDK's resources get anew after each full collection");
        return result;
    });

    // A copy of the repository's project with N generated items of about 100 bytes added to the
    // global table's seed file (what the program reads when a learner's catalog grows), the raw
    // program's plan made from it, and the working folder and stack config the program reads.
    private static async Task<T> InProjectAsync<T>(int extra, Func<LearnerCatalog, ProjectPaths, Task<T>> run)
    {
        using var project = new ScratchProject();
        var global = Path.Combine(project.Root, "seed", "items", "global.json");
        project.Write("seed/items/global.json", WithBulkItems(File.ReadAllText(global), extra));
        var catalog = CatalogBuilder.Build(new DictionaryConfigSource(Stack), project.Paths);
        RawStack.Plan = RawPlan.From(catalog);

        // The program finds its project from the working folder, as under `pulumi up`.
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(project.Root);
        try
        {
            using var config = new StackConfig(new Dictionary<string, string>(), null);
            return await run(catalog, project.Paths);
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
            RawStack.Plan = null;
        }
    }

    /// <summary>Per-item cost at each N against the smallest, for program and raw alike (goal: at most 1.2x).</summary>
    public static void PrintLinearity(IReadOnlyList<Result> results)
    {
        var ordered = results.OrderBy(r => r.Items).ToList();
        if (ordered.Count < 2)
        {
            return;
        }

        var first = ordered[0];
        foreach (var later in ordered.Skip(1).Where(r => r.Items > first.Items))
        {
            Console.WriteLine($"linearity, cost per item at {later.Extra:N0} / at {first.Extra:N0} extra items (goal: at most 1.2x): "
                + $"program {Ratio(later.Program.Ms / later.Items, first.Program.Ms / first.Items)} wall, {Ratio(later.Program.CpuMs / later.Items, first.Program.CpuMs / first.Items)} CPU; "
                + $"raw {Ratio(later.Raw.Ms / later.Items, first.Raw.Ms / first.Items)} wall, {Ratio(later.Raw.CpuMs / later.Items, first.Raw.CpuMs / first.Items)} CPU");

            // The slope between the two sizes: what one more item costs, fixed costs left out.
            var added = later.Items - first.Items;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  each item added from {first.Extra:N0} to {later.Extra:N0}: program {Marginal(later.Program.CpuMs, first.Program.CpuMs, added):0} µs CPU, "
                + $"raw {Marginal(later.Raw.CpuMs, first.Raw.CpuMs, added):0} µs CPU ({Ratio(later.Program.CpuMs - first.Program.CpuMs, later.Raw.CpuMs - first.Raw.CpuMs)}); "
                + $"program {Marginal(later.Program.Ms, first.Program.Ms, added):0} µs wall, raw {Marginal(later.Raw.Ms, first.Raw.Ms, added):0} µs wall"));
        }
    }

    private static double Marginal(double later, double first, int added) => (later - first) * 1000 / added;

    private static (MedianInterval Wall, MedianInterval Cpu) Ratios(IReadOnlyList<Sample> these, IReadOnlyList<Sample> others) =>
        (MedianInterval.Of(these.Zip(others, (a, b) => a.Ms / b.Ms).ToList()), MedianInterval.Of(these.Zip(others, (a, b) => a.CpuMs / b.CpuMs).ToList()));

    private static Sample Quickest(IReadOnlyList<Sample> these, IReadOnlyList<Sample> others) =>
        new(these.Min(a => a.Ms) / others.Min(b => b.Ms), these.Min(a => a.CpuMs) / others.Min(b => b.CpuMs), 0, 0);

    private static string Ratio(double a, double b) => (a / b).ToString("0.00x", CultureInfo.InvariantCulture);

    private static async Task<Sample> Measure<T>(Func<Task<T>> run)
    {
        // Garbage left by the previous run is collected outside the measurement.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var paused = GC.GetTotalPauseDuration();
        var clock = Stopwatch.StartNew();
        await run();
        var ms = clock.Elapsed.TotalMilliseconds;
        return new Sample(ms, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds,
            GC.GetTotalAllocatedBytes(precise: true) - allocated, (GC.GetTotalPauseDuration() - paused).TotalMilliseconds);
    }

    internal static string WithBulkItems(string seed, int count)
    {
        var all = JsonNode.Parse(seed)!.AsArray();
        foreach (var item in JsonNode.Parse(BulkItems.Json(count))!.AsArray())
        {
            all.Add(item!.DeepClone());
        }

        return all.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>
    /// Both runs as the mocked engine saw them: the same tables and items, by type and name, with the
    /// same inputs. Only the program's component may be extra. Throws on any difference.
    /// </summary>
    private static string Check(RecordingMocks program, RecordingMocks raw)
    {
        static Dictionary<string, string> Declared(RecordingMocks mocks) => mocks.Resources
            .Where(r => r.Type != ResourceTypes.Learner)
            .ToDictionary(r => $"{r.Type}::{r.Name}", r => Canonical(r.Inputs), StringComparer.Ordinal);

        var (ours, theirs) = (Declared(program), Declared(raw));
        var different = ours.Keys.Union(theirs.Keys)
            .Where(k => !ours.TryGetValue(k, out var a) || !theirs.TryGetValue(k, out var b) || a != b)
            .ToList();
        if (different.Count > 0)
        {
            throw new InvalidOperationException($"the raw program does not declare what the program does: {string.Join(", ", different.Take(5))}");
        }

        var tables = ours.Keys.Count(k => k.StartsWith(ResourceTypes.Table + "::", StringComparison.Ordinal));
        var items = ours.Keys.Count(k => k.StartsWith(ResourceTypes.TableItem + "::", StringComparison.Ordinal));
        return $"both declared the same {tables} tables and {items:N0} items ({ours.Count:N0} resources), name for name and input for input; "
            + $"the program also its component {ResourceTypes.Learner}";
    }

    // Inputs as the engine delivers them (maps, lists, strings, doubles, bools), as text with sorted keys.
    private static string Canonical(object? value) => value switch
    {
        null => "null",
        string s => JsonSerializer.Serialize(s),
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IEnumerable<KeyValuePair<string, object>> map =>
            "{" + string.Join(",", map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{JsonSerializer.Serialize(p.Key)}:{Canonical(p.Value)}")) + "}",
        IEnumerable<object> list => "[" + string.Join(",", list.Select(Canonical)) + "]",
        _ => $"{value.GetType().Name}:{value}",
    };

    /// <summary>One run: wall time, CPU time of the whole process, bytes allocated, time the collector paused the program.</summary>
    internal sealed record Sample(double Ms, double CpuMs, long Bytes, double GcMs)
    {
        public static Sample Median(IReadOnlyList<Sample> samples) =>
            new(Middle(samples.Select(s => s.Ms)), Middle(samples.Select(s => s.CpuMs)), (long)Middle(samples.Select(s => (double)s.Bytes)), Middle(samples.Select(s => s.GcMs)));

        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"{Ms:0} ms, {CpuMs:0} ms CPU, {Bytes / 1e6:0.0} MB, {GcMs:0} ms GC pauses");

        private static double Middle(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }

    /// <summary>Issue 18's goal for the program's cost over the raw program.</summary>
    private const double Goal = 1.05;

    internal sealed record Result(
        int Extra, int Items, Sample Program, Sample Raw, Sample Catalog,
        (MedianInterval Wall, MedianInterval Cpu) Paired, Sample Quickest, (MedianInterval Wall, MedianInterval Cpu) Control, Sample QuickestControl)
    {
        public void Print(int rounds)
        {
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine($"  median of {rounds}: program {Program}; raw {Raw}; catalog alone (CatalogBuilder.Build) {Catalog}");
            var confidence = Math.Min(Paired.Cpu.Confidence, Control.Cpu.Confidence);
            Console.WriteLine(string.Create(inv,
                $"  program / raw, median of the rounds' ratios ({confidence:0%} interval of that median): {Paired.Wall} wall, {Paired.Cpu} CPU; {Ratio(Program.Bytes, Raw.Bytes)} allocated; "
                + $"quickest round of each: {Quickest.Ms:0.00}x wall, {Quickest.CpuMs:0.00}x CPU"));
            var verdict = Paired.Cpu.Confidence < MedianInterval.Wanted
                ? Paired.Cpu.Against(Goal)
                : $"{Paired.Wall.Against(Goal)} on wall time, {Paired.Cpu.Against(Goal)} on CPU time";
            Console.WriteLine($"  goal, at most {Goal.ToString("0.00", inv)}x: {verdict}");
            Console.WriteLine(string.Create(inv,
                $"  noise, raw again / raw (the same program twice), median of the rounds' ratios: {Control.Wall} wall, {Control.Cpu} CPU; quickest round of each: {QuickestControl.Ms:0.00}x wall, {QuickestControl.CpuMs:0.00}x CPU"));
            Console.WriteLine(string.Create(inv,
                $"  per item: program {Program.Ms * 1000 / Items:0} µs wall, {Program.CpuMs * 1000 / Items:0} µs CPU, {Program.Bytes / Items / 1024.0:0.0} KB; "
                + $"raw {Raw.Ms * 1000 / Items:0} µs wall, {Raw.CpuMs * 1000 / Items:0} µs CPU, {Raw.Bytes / Items / 1024.0:0.0} KB; "
                + $"program's own {(Program.Ms - Raw.Ms) * 1000 / Items:0} µs wall, {(Program.CpuMs - Raw.CpuMs) * 1000 / Items:0} µs CPU"));
        }
    }
}
