using System.Diagnostics;
using System.Globalization;
using Academy.Catalog.Project;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Tests.Support;
using Academy.Tests.Shared;

/// <summary>
/// A course of N learners through academy-sandbox: `plan` (builds and validates every learner's
/// catalog), `up` on the local engine (every learner's two tables created and written), `up` again
/// (nothing to do) and `verify`, each timed as the whole command.
/// </summary>
internal static class RosterBenchmark
{
    public static async Task RunAsync(ProjectPaths repo, int learners, int[] parallels)
    {
        using var project = new ScratchProject();
        var scratch = project.Root;
        using var engine = await Dynalite.StartAsync(repo.Resolve("seed/engine"));
        Console.WriteLine($"engine: dynalite 4.0.0 (in memory) at {engine.Endpoint}; a roster of {learners} learners, every third with its own tags and item");

        var warm = Roster(scratch, "warm", learners);
        await Timed("plan (warm-up, not counted)", ["plan", "--roster", warm, "--project", scratch]);
        var plans = new List<double>();
        for (var round = 0; round < 3; round++)
        {
            plans.Add(await Timed($"plan round {round + 1}", ["plan", "--roster", warm, "--project", scratch]));
        }

        Console.WriteLine($"plan: median {Median(plans):0.000} s for {learners} learners (target under 2 s)");

        foreach (var parallel in parallels)
        {
            var roster = Roster(scratch, $"p{parallel}", learners);
            string[] common = ["--roster", roster, "--project", scratch, "--endpoint", engine.Endpoint];
            var up = await Timed($"up --parallel {parallel} (creates {2 * learners} tables)", ["up", .. common, "--parallel", parallel.ToString(CultureInfo.InvariantCulture)]);
            var again = await Timed($"up --parallel {parallel} again (nothing to write)", ["up", .. common, "--parallel", parallel.ToString(CultureInfo.InvariantCulture)]);
            var verify = await Timed($"verify --parallel {parallel}", ["verify", .. common, "--parallel", parallel.ToString(CultureInfo.InvariantCulture)]);
            Console.WriteLine($"--parallel {parallel}: up {up:0.00} s (target under 30 s), up again {again:0.00} s, verify {verify:0.00} s");
        }
    }

    private static async Task<double> Timed(string label, string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var clock = Stopwatch.StartNew();
        var code = await SandboxCli.RunAsync(args, output, error);
        var seconds = clock.Elapsed.TotalSeconds;
        if (code != 0)
        {
            throw new InvalidOperationException($"{label}: exit {code}\n{output}\n{error}");
        }

        var total = output.ToString().Split('\n').LastOrDefault(l => l.StartsWith("course:", StringComparison.Ordinal)) ?? "";
        Console.WriteLine($"  {label}: {seconds:0.000} s  {total}");
        return seconds;
    }

    // Learner names are new for every roster, so each `up` creates its tables from nothing.
    private static string Roster(string scratch, string prefix, int learners)
    {
        var lines = new List<string> { "learners:" };
        for (var i = 1; i <= learners; i++)
        {
            var name = $"{prefix}-learner{i:D3}";
            lines.Add(i % 3 == 0
                ? $"  - {{name: {name}, tags: {{team: t{i % 5}}}, items: {{global: [{{name: {name}-note, text: hello, n: {i}}}]}}}}"
                : $"  - {name}");
        }

        var path = Path.Combine(scratch, $"roster-{prefix}.yaml");
        File.WriteAllLines(path, lines);
        return path;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
