using System.Globalization;
using System.Reflection;
using Academy.Infra.Benchmarks;

// Usage: dotnet run --project tests/Academy.Infra.Benchmarks -c Release -- [N...] [--rounds R]
//        (default: 1000 10000 --rounds 21; issue 18's goal for the Pulumi program: docs/performance.md)
var counts = new List<int>();
var rounds = 21;
for (var i = 0; i < args.Length; i++)
{
    var (what, text) = args[i] == "--rounds" ? ("--rounds", i + 1 < args.Length ? args[++i] : "") : ("N", args[i]);
    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
    {
        Console.Error.WriteLine($"{what} must be a positive whole number, not '{text}'. Usage: [N...] [--rounds R]");
        return 2;
    }

    if (what == "N")
    {
        counts.Add(value);
    }
    else
    {
        rounds = value;
    }
}

if (counts.Count == 0)
{
    counts.AddRange([1_000, 10_000]);
}

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {MockedRuns.Load()} (1, 5, 15 min) at the start; .NET {Environment.Version}, "
    + $"Pulumi {Version(typeof(Pulumi.Deployment))}, Pulumi.Aws {Version(typeof(Pulumi.Aws.DynamoDB.Table))}, mocked engine (Pulumi.Testing, IsPreview false); "
    + $"tiering's call counting delay {AppContext.GetData("System.Runtime.TieredCompilation.CallCountingDelayMs") ?? "100 (the default)"} ms");
// Until the code run once per deployment is optimized (MockedRuns.WarmUpAsync), then once at the
// largest size, so that size's heap is grown before it is measured.
const int WarmUpRounds = 40;
Console.WriteLine($"warm-up, not measured: program and raw {WarmUpRounds} times each at {counts.Min():N0} extra items, then twice at {counts.Max():N0}");
var warming = await MockedRuns.WarmUpAsync(counts.Min(), WarmUpRounds);
var last = await MockedRuns.WarmUpAsync(counts.Max(), 2);
Console.WriteLine($"  the JIT compiled {warming:N0} methods in the warm-up at {counts.Min():N0}, {last:N0} in its last two rounds at {counts.Max():N0}");
var results = new List<MockedRuns.Result>();
foreach (var count in counts)
{
    results.Add(await MockedRuns.RunAsync(count, rounds));
}

MockedRuns.PrintLinearity(results);
Console.WriteLine($"load average {MockedRuns.Load()} at the end");
return 0;

static string Version(Type type) =>
    type.Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
    ?? type.Assembly.GetName().Version?.ToString() ?? "?";
