using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Academy.Benchmarks;
using Academy.Catalog;
using Academy.Catalog.Project;
using Academy.Catalog.Settings;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Tests.Support;

// Usage: dotnet run --project tests/Academy.Benchmarks -c Release [-- ITEMS [CONCURRENCY [ROUNDS]]]
//        (ACADEMY_SANDBOX_DLL=.artifacts/sandbox/academy-sandbox.dll runs each `up` as that built CLI's
//        own process, start-up included, as users run it, instead of in this process)
//        dotnet run --project tests/Academy.Benchmarks -c Release -- alias-bomb
//    or: dotnet run --project tests/Academy.Benchmarks -c Release -- roster [LEARNERS [PARALLEL...]]
//    or: dotnet run --project tests/Academy.Benchmarks -c Release -- targets [ITEMS [ROUNDS]]
//        (issue 18's goals, each figure beside its goal and its peer: docs/performance.md)
if (args is ["alias-bomb"])
{
    AliasBombCheck.Run();
    return;
}

if (args.FirstOrDefault() == "targets")
{
    await Targets.RunAsync(
        ProjectPaths.Find(AppContext.BaseDirectory),
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3);
    return;
}

if (args.FirstOrDefault() == "roster")
{
    var learners = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
    int[] parallels = args.Length > 2 ? args[2..].Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [1, 4, 8];
    await RosterBenchmark.RunAsync(ProjectPaths.Find(AppContext.BaseDirectory), learners, parallels);
    return;
}

var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4;
var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
var repo = ProjectPaths.Find(AppContext.BaseDirectory);
var cliDll = Environment.GetEnvironmentVariable("ACADEMY_SANDBOX_DLL") is { Length: > 0 } dll ? Path.GetFullPath(dll) : null;
await UnresponsiveEndpoint.PrintAsync(repo);

var scratch = Directory.CreateTempSubdirectory("academy-bench-").FullName;
try
{
    File.Copy(repo.Resolve("Pulumi.yaml"), Path.Combine(scratch, "Pulumi.yaml"));
    Directory.CreateDirectory(Path.Combine(scratch, "seed", "items"));
    File.Copy(repo.Resolve("seed/tables.json"), Path.Combine(scratch, "seed", "tables.json"));
    File.WriteAllText(Path.Combine(scratch, "seed", "items", "global.json"), BulkItems.Json(count));
    File.WriteAllText(Path.Combine(scratch, "seed", "items", "jobs.json"), "[]\n"); // every declared table needs its file
    var paths = new ProjectPaths(scratch);

    // The Node loop writes exactly the items `up` writes: the catalog's own DynamoDB JSON.
    var catalog = CatalogBuilder.Build(new DictionaryConfigSource("bench"), paths);
    var itemsFile = Path.Combine(scratch, "items.jsonl");
    File.WriteAllLines(itemsFile, catalog.ItemsOf("global").Select(i => i.ToDynamoJson()));
    var total = catalog.ItemsOf("global").Count();

    using var engine = await Dynalite.StartAsync(repo.Resolve("seed/engine"));
    Console.WriteLine($"engine: dynalite 4.0.0 (in memory) at {engine.Endpoint}; {total:N0} items of about {catalog.ItemsOf("global").Average(i => i.SizeBytes):N0} bytes; {concurrency} BatchWriteItem requests in flight");
    Console.WriteLine(cliDll is null ? "academy-sandbox up runs in this process (JIT warmed up)" : $"academy-sandbox up runs as its own process: dotnet {cliDll}");

    // Rounds alternate between the two clients so machine noise hits both alike; each side warms up
    // first (JIT and HTTP connections for .NET, the SDK for Node) on tables that are not measured.
    await Up("warmup");
    var dotnetRates = new List<double>();
    var nodeRates = new List<double>();
    var dotnetCpu = new List<double>();
    var nodeCpu = new List<double>();
    for (var round = 1; round <= rounds; round++)
    {
        var clock = Stopwatch.StartNew();
        var (code, cpu) = await Up($"bench{round}");
        var seconds = clock.Elapsed.TotalSeconds;
        if (code != 0)
        {
            throw new InvalidOperationException($"up exited {code}");
        }

        var node = await NodeAsync(engine.Endpoint, $"node-bench{round}", itemsFile);
        dotnetRates.Add(total / seconds);
        nodeRates.Add(node.Items / (node.Ms / 1000));
        dotnetCpu.Add(cpu.TotalMilliseconds);
        nodeCpu.Add(node.CpuMs);
        Console.WriteLine($"round {round}: .NET up {seconds:0.00} s = {total / seconds:N0} items/s, {cpu.TotalMilliseconds:N0} ms CPU; Node loop {node.Ms / 1000:0.00} s = {node.Items / (node.Ms / 1000):N0} items/s, {node.CpuMs:N0} ms CPU");
    }

    var dotnetRate = Median(dotnetRates);
    var nodeRate = Median(nodeRates);
    Console.WriteLine($"median of {rounds} rounds:");
    Console.WriteLine($"  academy-sandbox up (.NET; the whole command: create table, scan, compare, write): {dotnetRate:N0} items/s");
    Console.WriteLine($"  Node @aws-sdk/client-dynamodb 3.1162.0 BatchWriteItem loop (the writes only):    {nodeRate:N0} items/s");
    Console.WriteLine($"  ratio .NET / Node: {dotnetRate / nodeRate:0.00}");
    // The engine shares the cores with the client, so the client's CPU per item slows the engine down.
    Console.WriteLine($"  client CPU per 1,000 items: .NET {Median(dotnetCpu) * 1000 / total:0.0} ms, Node {Median(nodeCpu) * 1000 / total:0.0} ms");

    async Task<(int Code, TimeSpan Cpu)> Up(string user)
    {
        string[] arguments = ["up", "--user", user, "--project", scratch, "--endpoint", engine.Endpoint, "--concurrency", concurrency.ToString(CultureInfo.InvariantCulture)];
        if (cliDll is null)
        {
            // This process's CPU time: the writes and the JIT's background work alike.
            var before = Process.GetCurrentProcess().TotalProcessorTime;
            var code = await SandboxCli.RunAsync(arguments, TextWriter.Null, Console.Error);
            return (code, Process.GetCurrentProcess().TotalProcessorTime - before);
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
        foreach (var arg in (string[])[cliDll, .. arguments])
        {
            start.ArgumentList.Add(arg);
        }

        var cpuBefore = ChildCpu.Total();
        using var process = Process.Start(start)!;
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, ChildCpu.Total() - cpuBefore);
    }
}
finally
{
    Directory.Delete(scratch, recursive: true);
}

async Task<(int Items, double Ms, double CpuMs)> NodeAsync(string endpoint, string table, string itemsFile)
{
    var start = new ProcessStartInfo("node") { RedirectStandardOutput = true };
    start.Environment["ACADEMY_ENGINE_DIR"] = repo.Resolve("seed/engine");
    start.Environment["NODE_NO_WARNINGS"] = "1"; // the SDK's notice about future Node versions
    foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "node-batch-write.mjs"), endpoint, table, itemsFile, concurrency.ToString(CultureInfo.InvariantCulture) })
    {
        start.ArgumentList.Add(arg);
    }

    using var process = Process.Start(start)!;
    var output = await process.StandardOutput.ReadToEndAsync();
    await process.WaitForExitAsync();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"the Node loop exited {process.ExitCode}");
    }

    using var json = JsonDocument.Parse(output);
    var root = json.RootElement;
    return (root.GetProperty("items").GetInt32(), root.GetProperty("ms").GetDouble(), root.GetProperty("cpuMs").GetDouble());
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
