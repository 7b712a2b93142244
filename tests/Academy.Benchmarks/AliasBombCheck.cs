using System.Diagnostics;
using System.Text;
using Academy.Catalog.Errors;
using Academy.Catalog.Project;
using Academy.Sandbox.Config;

/// <summary>
/// Issue 9's 402-byte alias bomb in academy:tags (nine levels of nine aliases, 9^9 nodes once
/// expanded) read as `--stack` reads it: prints how long the refusal takes and how much memory it
/// allocates. Before the limits it ran 67 s, took 5.9 GB and died with OutOfMemoryException.
/// </summary>
internal static class AliasBombCheck
{
    public static void Run()
    {
        var scratch = Directory.CreateTempSubdirectory("academy-bomb-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(scratch, "Pulumi.yaml"), "name: academy\nruntime: dotnet\n");
            var yaml = Bomb();
            File.WriteAllText(Path.Combine(scratch, "Pulumi.bomb.yaml"), yaml);
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            string outcome;
            try
            {
                StackFileConfigSource.Load(new ProjectPaths(scratch), "bomb");
                outcome = "ACCEPTED (the limits did not hold)";
            }
            catch (CatalogException e)
            {
                outcome = $"refused: {e.Errors.Single()}";
            }

            var allocated = (GC.GetTotalAllocatedBytes(precise: true) - before) / 1024.0 / 1024.0;
            Console.WriteLine($"alias bomb ({Encoding.UTF8.GetByteCount(yaml)} bytes, 9^9 nodes expanded): {outcome}");
            Console.WriteLine($"  {clock.Elapsed.TotalMilliseconds:N0} ms, {allocated:N1} MB allocated (target: under a second)");
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static string Bomb()
    {
        var text = new StringBuilder("config:\n  academy:tags:\n    a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 'b'; level <= 'i'; level++)
        {
            text.Append($"    {level}: &{level} [{string.Join(",", Enumerable.Repeat($"*{(char)(level - 1)}", 9))}]\n");
        }

        return text.ToString();
    }
}
