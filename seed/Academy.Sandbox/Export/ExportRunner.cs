using System.Text.Json;
using Academy.Catalog;
using Academy.Catalog.Errors;
using Academy.Catalog.Items;
using Academy.Catalog.Project;
using Academy.Catalog.Tables;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Compare;
using Academy.Sandbox.Engine;
using Academy.Sandbox.Files;
using Amazon.DynamoDBv2;

namespace Academy.Sandbox.Export;

/// <summary>
/// Writes the live items of the learner's tables as seed files. Everything is read and encoded first;
/// then each file is written beside its target and moved over it, and only then are the tables' files
/// of the other format removed, so a failure leaves the old files in place.
/// </summary>
public static class ExportRunner
{
    /// <param name="intoCatalog">True when <paramref name="folder"/> is the items folder the catalog reads: then files that would make the catalog invalid are not written.</param>
    public static async Task<int> RunAsync(IAmazonDynamoDB client, Academy.Catalog.Catalog catalog, ProjectPaths paths, string folder, bool intoCatalog, Hints hints, TextWriter output, CancellationToken ct)
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
        var exported = new Dictionary<string, List<CatalogItem>>(StringComparer.Ordinal);
        foreach (var table in catalog.Tables)
        {
            if (await LiveTable.DescribeAsync(client, table.Name, ct) is null)
            {
                lines.Add($"  {table.Key}: table {table.Name} does not exist; its seed files are left as they are");
                continue;
            }

            // A value from a secret must never land in a seed file in plaintext; it stays in config.
            // An item left out keeps the catalog's plain version, so the files lose nothing they declared.
            var secrets = LiveSecrets.For(catalog, table);
            var live = await LiveTable.ScanAsync(client, table.Name, ct);
            var kept = live.Where(i => !secrets.MayBeSecret(i)).ToList();
            var leftOut = live.Count - kept.Count;
            var declaredInstead = live.Where(secrets.MayBeSecret)
                .Select(secrets.PlainDeclared).OfType<CatalogItem>()
                .Select(i => i.Attributes.ToDictionary()).ToList();
            var encoded = SeedFileEncoder.Encode(table, [.. kept, .. declaredInstead]);
            var plainFile = Path.Combine(folder, table.Key + ".json");
            var dynamoFile = Path.Combine(folder, table.Key + SeedFiles.DynamoDbSuffix);
            var written = new List<string>();
            exported[table.Key] = Reread(table, encoded, paths, plainFile, dynamoFile);
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

            total += kept.Count + declaredInstead.Count;
            lines.Add($"  {table.Key}: {kept.Count + declaredInstead.Count:N0} item(s): {string.Join(", ", written)}"
                + (encoded.DynamoDbCount > 0 ? " (DynamoDB JSON for sets, binary and numbers beyond 15 digits, which plain JSON cannot keep)" : ""));
            if (leftOut > 0)
            {
                lines.Add($"  {table.Key}: {leftOut} item(s) left out: {secrets.Reason}, and their values are never written to a file in plaintext"
                    + (declaredInstead.Count > 0 ? $"; the files keep the catalog's own version of {declaredInstead.Count} of them" : ""));
            }

            var liveKeys = live.Select(i => TableKeys.Of(table, i)).ToHashSet();
            var dropped = catalog.ItemsOf(table.Key).Where(i => !i.Secret && !liveKeys.Contains(TableKeys.Of(table, i))).Select(i => $"{TableKeys.Of(table, i)}").ToList();
            if (dropped.Count > 0)
            {
                lines.Add($"  {table.Key}: {dropped.Count} declared item(s) are not in the live table, so the written files no longer hold them: {string.Join(", ", dropped.Take(20))}{(dropped.Count > 20 ? ", ..." : "")}");
            }

            var inConfig = catalog.ItemsOf(table.Key).Where(i => !i.Secret && i.Source.StartsWith("config ", StringComparison.Ordinal)).Select(i => $"{TableKeys.Of(table, i)}").ToList();
            if (inConfig.Count > 0)
            {
                lines.Add($"  {table.Key}: note: academy:items in the stack config also declares {string.Join(", ", inConfig)} and replaces the seed item with the same key; change those there");
            }
        }

        var problems = CatalogRecheck.Problems(WithExported(catalog, exported));
        if (problems.Count > 0 && intoCatalog)
        {
            throw new SandboxException(
                $"error: the live items would make the catalog invalid, so nothing was written ({hints.Command("export", "--out", "DIR")} writes them elsewhere to fix by hand):"
                + string.Concat(problems.Select(p => $"{Environment.NewLine}  - {p}")),
                ExitCodes.CatalogInvalid);
        }

        Commit(writes, removes, paths);
        output.WriteLine($"export: learner {catalog.Settings.User} -> {shown}");
        foreach (var line in lines)
        {
            output.WriteLine(line);
        }

        foreach (var problem in problems)
        {
            output.WriteLine($"  warning: as the catalog's seed files these would be invalid: {problem}");
        }

        output.WriteLine($"done: {total:N0} item(s) in {writes.Count} file(s); {hints.Command("verify")} compares the live tables with the catalog");
        return total;
    }

    // The exported items as the catalog will read them from the files, with their file names as sources.
    private static List<CatalogItem> Reread(TableSpec table, EncodedTable encoded, ProjectPaths paths, string plainFile, string dynamoFile)
    {
        var definition = new TableDefinition(table.Key, table.HashKey, table.RangeKey);
        var items = new List<CatalogItem>();
        foreach (var (text, format, file) in new[] { (encoded.Plain, ItemFormat.Plain, plainFile), (encoded.DynamoDb, ItemFormat.DynamoDb, dynamoFile) })
        {
            if (text is not null)
            {
                using var document = JsonDocument.Parse(text);
                items.AddRange(ItemParser.ParseList(document.RootElement, format, definition, Display(paths, file), new ErrorList()));
            }
        }

        return items;
    }

    // The catalog as it will be once the files are written: exported tables' seed items replaced, stack config still on top.
    private static Academy.Catalog.Catalog WithExported(Academy.Catalog.Catalog catalog, Dictionary<string, List<CatalogItem>> exported)
    {
        var items = new List<CatalogItem>();
        foreach (var table in catalog.Tables)
        {
            if (!exported.TryGetValue(table.Key, out var seeds))
            {
                items.AddRange(catalog.ItemsOf(table.Key));
                continue;
            }

            var merged = seeds.ToDictionary(i => TableKeys.Of(table, i));
            foreach (var fromConfig in catalog.ItemsOf(table.Key).Where(i => i.Source.StartsWith("config ", StringComparison.Ordinal)))
            {
                merged[TableKeys.Of(table, fromConfig)] = fromConfig;
            }

            items.AddRange(merged.Values);
        }

        return catalog with { Items = items.OrderBy(i => i.TableKey, StringComparer.Ordinal).ThenBy(i => i.LogicalName, StringComparer.Ordinal).ToList() };
    }

    // Every file is staged (and every target checked) before any is replaced, and the other format's
    // files are removed only after all are in place, so a failure leaves the old files as they were.
    private static void Commit(List<(string File, string Text)> writes, List<string> removes, ProjectPaths paths)
    {
        if (removes.FirstOrDefault(f => AtomicFile.Refusal(f) is not null) is { } kept)
        {
            throw new SandboxException($"error: {Display(paths, kept)}: {AtomicFile.Refusal(kept)}");
        }

        var staged = new List<AtomicFile.Staged>();
        try
        {
            foreach (var (file, text) in writes)
            {
                try
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new SandboxException($"error: {Display(paths, file)}: cannot be written: {e.Message}");
                }

                staged.Add(AtomicFile.Stage(file, text, Display(paths, file)));
            }

            staged.ForEach(s => s.Commit());
            var current = "";
            try
            {
                foreach (var file in removes.Where(File.Exists))
                {
                    current = file;
                    File.Delete(file);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new SandboxException($"error: {Display(paths, current)}: cannot be removed: {e.Message}");
            }
        }
        finally
        {
            staged.ForEach(s => s.Dispose());
        }
    }

    // Relative to the project where the file is inside it, else the full path.
    private static string Display(ProjectPaths paths, string path) =>
        paths.Relative(path) is var relative && relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
}
