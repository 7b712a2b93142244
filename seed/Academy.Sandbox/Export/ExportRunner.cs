using Academy.Catalog.Items;
using Academy.Catalog.Project;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Engine;
using Amazon.DynamoDBv2;

namespace Academy.Sandbox.Export;

/// <summary>
/// Writes the live items of the learner's tables as seed files. Everything is read and encoded first;
/// then each file is written beside its target and moved over it, and only then are the tables' files
/// of the other format removed, so a failure leaves the old files in place.
/// </summary>
public static class ExportRunner
{
    public static async Task<int> RunAsync(IAmazonDynamoDB client, Academy.Catalog.Catalog catalog, ProjectPaths paths, string folder, Hints hints, TextWriter output, CancellationToken ct)
    {
        var shown = Display(paths, folder);
        if (File.Exists(folder))
        {
            throw new SandboxException($"error: {shown} is a file; --out takes a folder");
        }

        var writes = new List<(string File, string Text)>();
        var removes = new List<string>();
        var lines = new List<string>();
        var total = 0;
        foreach (var table in catalog.Tables)
        {
            if (await LiveTable.DescribeAsync(client, table.Name, ct) is null)
            {
                lines.Add($"  {table.Key}: table {table.Name} does not exist; its seed files are left as they are");
                continue;
            }

            // A secret academy:items value must never land in a seed file in plaintext; it stays in config.
            var secret = catalog.ItemsOf(table.Key).Where(i => i.Secret).Select(i => TableKeys.Of(table, i)).ToHashSet(StringComparer.Ordinal);
            var live = await LiveTable.ScanAsync(client, table.Name, ct);
            var kept = live.Where(i => !secret.Contains(TableKeys.Of(table, i))).ToList();
            var encoded = SeedFileEncoder.Encode(table, kept);
            var plainFile = Path.Combine(folder, table.Key + ".json");
            var dynamoFile = Path.Combine(folder, table.Key + SeedFiles.DynamoDbSuffix);
            var written = new List<string>();
            foreach (var (file, text, count) in new[] { (plainFile, encoded.Plain, encoded.PlainCount), (dynamoFile, encoded.DynamoDb, encoded.DynamoDbCount) })
            {
                if (text is null)
                {
                    removes.Add(file);
                    continue;
                }

                writes.Add((file, text));
                written.Add($"{count:N0} -> {Display(paths, file)}");
            }

            total += kept.Count;
            lines.Add($"  {table.Key}: {kept.Count:N0} item(s): {string.Join(", ", written)}"
                + (encoded.DynamoDbCount > 0 ? " (DynamoDB JSON for sets, binary and numbers beyond 15 digits, which plain JSON cannot keep)" : ""));
            if (live.Count > kept.Count)
            {
                lines.Add($"  {table.Key}: {live.Count - kept.Count} item(s) left out: they are declared by a secret academy:items value and stay there (never written to a file in plaintext)");
            }

            var liveKeys = live.Select(i => TableKeys.Of(table, i)).ToHashSet(StringComparer.Ordinal);
            var dropped = catalog.ItemsOf(table.Key).Where(i => !i.Secret && !liveKeys.Contains(TableKeys.Of(table, i))).Select(i => i.Id).ToList();
            if (dropped.Count > 0)
            {
                lines.Add($"  {table.Key}: {dropped.Count} declared item(s) are not in the live table, so the written files no longer hold them: {string.Join(", ", dropped.Take(20))}{(dropped.Count > 20 ? ", ..." : "")}");
            }

            var inConfig = catalog.ItemsOf(table.Key).Where(i => !i.Secret && i.Source.StartsWith("config ", StringComparison.Ordinal)).Select(i => i.Id).ToList();
            if (inConfig.Count > 0)
            {
                lines.Add($"  {table.Key}: note: academy:items in the stack config also declares {string.Join(", ", inConfig)} and replaces the seed item with the same key; change those there");
            }
        }

        Commit(writes, removes, paths);
        output.WriteLine($"export: learner {catalog.Settings.User} -> {shown}");
        foreach (var line in lines)
        {
            output.WriteLine(line);
        }

        output.WriteLine($"done: {total:N0} item(s) in {writes.Count} file(s); {hints.Command("verify")} compares the live tables with the catalog");
        return total;
    }

    private static void Commit(List<(string File, string Text)> writes, List<string> removes, ProjectPaths paths)
    {
        var staged = new List<(string Temporary, string File)>();
        var current = "";
        try
        {
            foreach (var (file, text) in writes)
            {
                current = file;
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                var temporary = file + ".export-tmp";
                File.WriteAllText(temporary, text);
                staged.Add((temporary, file));
            }

            foreach (var (temporary, file) in staged)
            {
                current = file;
                File.Move(temporary, file, overwrite: true);
            }

            foreach (var file in removes.Where(File.Exists))
            {
                current = file;
                File.Delete(file);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            foreach (var (temporary, _) in staged.Where(s => File.Exists(s.Temporary)))
            {
                File.Delete(temporary);
            }

            throw new SandboxException($"error: {Display(paths, current)}: cannot be written: {e.Message}");
        }
    }

    // Relative to the project where the file is inside it, else the full path.
    private static string Display(ProjectPaths paths, string path) =>
        paths.Relative(path) is var relative && relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
}
