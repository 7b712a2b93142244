using System.Text.Json;
using Academy.Catalog;
using Academy.Catalog.Errors;
using Academy.Catalog.Items;
using Academy.Catalog.Project;
using Academy.Catalog.Settings;
using Academy.Catalog.Tables;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Compare;
using Academy.Sandbox.Config;
using Academy.Sandbox.Engine;
using Academy.Sandbox.Files;
using Academy.Sandbox.Up;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Export;

/// <summary>Where export writes: a folder of seed files (the catalog's own, or --out), or a learner's stack file.</summary>
public abstract record ExportTarget
{
    /// <param name="IntoCatalog">True when the folder is the items folder the catalog reads: then files that would make the catalog invalid are not written.</param>
    /// <param name="StartFrom">The catalog's items folder, when exporting elsewhere: files not in the folder yet start as the catalog's.</param>
    public sealed record Folder(string Path, bool IntoCatalog, string? StartFrom = null) : ExportTarget;

    public sealed record Stack(string Name) : ExportTarget;
}

/// <summary>
/// Takes the live items of the learner's tables (all, one table, or some items) into the catalog: into
/// seed files, changing only the bytes of what changed (<see cref="SeedTableEdit"/>), or into academy:items
/// of the learner's stack file (<see cref="StackItemsExport"/>). Everything is read, edited and read back
/// first; only then is anything written, each file whole or not at all.
/// </summary>
public static class ExportRunner
{
    private sealed record LiveTableItems(TableSpec Table, List<Dictionary<string, AttributeValue>> Items, HashSet<ItemKey> Secret, int SecretLive, string SecretReason);

    public static async Task<int> RunAsync(IAmazonDynamoDB client, Academy.Catalog.Catalog catalog, ProjectPaths paths, ExportTarget target, ExportScope scope, Hints hints, TextWriter output, CancellationToken ct)
    {
        scope.Check(catalog);
        if (target is ExportTarget.Folder folder && File.Exists(folder.Path))
        {
            throw new SandboxException($"error: {Display(paths, folder.Path)} is a file; --out takes a folder");
        }

        var lines = new List<string>();
        var tables = new List<LiveTableItems>();
        foreach (var table in catalog.Tables.Where(scope.Includes))
        {
            if (await LiveTable.DescribeAsync(client, table.Name, ct) is not { } description)
            {
                if (!scope.Whole)
                {
                    throw new SandboxException($"error: --table {table.Key}: table {table.Name} does not exist, so it has no items to export");
                }

                lines.Add($"  {table.Key}: table {table.Name} does not exist; {(target is ExportTarget.Stack ? "nothing to take from it" : "its seed files are left as they are")}");
                continue;
            }

            // A value from a secret must never land in a file in plaintext; it stays in config. Items that
            // may hold one (docs/safety.md) keep the files' own version, so the files lose nothing they declared.
            var secrets = LiveSecrets.For(catalog, table);
            // Items of a table keyed otherwise cannot be matched to the catalog's, as for up and show.
            TableProvisioner.RequireKeys(table, description, hints);
            var live = await LiveTable.ScanAsync(client, table.Name, ct);
            // By key: an item twice, or without its key, is the engine's fault, said in one line.
            var liveKeys = LiveTable.ByKey(live, table).Keys;
            var secret = catalog.ItemsOf(table.Key).Where(i => i.Secret).Select(i => TableKeys.Of(table, i))
                .Concat(live.Where(secrets.MayBeSecret).Select(i => TableKeys.Of(table, i))).ToHashSet();
            var unknown = scope.Items.Where(k => liveKeys.All(l => l.ToString() != k)).ToList();
            if (unknown.Count > 0)
            {
                throw new SandboxException($"error: --item {Excerpt.Of(unknown[0])}: table {table.Name} has no item with that key; `adopt` names the live items");
            }

            var inScope = live.Where(i => scope.Includes(TableKeys.Of(table, i))).ToList();
            var kept = inScope.Where(i => !secret.Contains(TableKeys.Of(table, i))).ToList();
            tables.Add(new LiveTableItems(table, kept, secret, inScope.Count - kept.Count, secrets.Reason));
        }

        return target switch
        {
            ExportTarget.Folder into => IntoFolder(catalog, paths, into, scope, tables, lines, hints, output),
            ExportTarget.Stack stack => IntoStack(catalog, paths, stack.Name, scope, tables, lines, hints, output),
            _ => throw new ArgumentOutOfRangeException(nameof(target)),
        };
    }

    private static int IntoFolder(Academy.Catalog.Catalog catalog, ProjectPaths paths, ExportTarget.Folder folder, ExportScope scope, List<LiveTableItems> tables, List<string> lines, Hints hints, TextWriter output)
    {
        var files = new List<SeedFileChange>();
        var exported = new Dictionary<string, List<CatalogItem>>(StringComparer.Ordinal);
        var total = 0;
        foreach (var (table, live, secret, secretLive, secretReason) in tables)
        {
            var plainFile = Path.Combine(folder.Path, table.Key + ".json");
            var dynamoFile = Path.Combine(folder.Path, table.Key + SeedFiles.DynamoDbSuffix);
            var change = SeedTableEdit.Plan(table, plainFile, dynamoFile, f => Display(paths, f), live, scope.Whole, secret, folder.IntoCatalog ? null : folder.StartFrom);
            files.AddRange(change.Files);
            exported[table.Key] = Reread(table, change.Files, paths);
            total += live.Count;
            var written = change.Files.Where(f => f.Changed && f.After is not null).ToList();
            var removed = change.Files.Where(f => f.Changed && f.After is null).Select(f => $"{Display(paths, f.File)} removed (no items left in it)");
            lines.Add(change.Changes.Count == 0 && written.Count == 0
                ? $"  {table.Key}: {live.Count:N0} item(s), unchanged"
                : $"  {table.Key}: {live.Count:N0} item(s){(change.Changes.Count == 0 ? ", as the catalog declares them" : ": " + Listing(change.Changes))} -> {string.Join(", ", written.Select(f => Display(paths, f.File)).Concat(removed))}"
                    + (written.Any(f => f.Format == ItemFormat.DynamoDb) ? " (DynamoDB JSON for sets, binary and numbers beyond 15 digits, which plain JSON cannot keep)" : ""));
            if (secretLive > 0)
            {
                lines.Add($"  {table.Key}: {secretLive} item(s) left out: {secretReason}, and their values are never written to a file in plaintext");
            }

            var liveKeys = live.Select(i => TableKeys.Of(table, i)).ToHashSet();
            var dropped = catalog.ItemsOf(table.Key).Where(i => !i.Secret && !liveKeys.Contains(TableKeys.Of(table, i))).Select(i => $"{TableKeys.Of(table, i)}").ToList();
            if (scope.Whole && !folder.IntoCatalog && dropped.Count > 0)
            {
                lines.Add($"  {table.Key}: {dropped.Count} declared item(s) are not in the live table, so the written files no longer hold them: {string.Join(", ", dropped.Take(20))}{(dropped.Count > 20 ? ", ..." : "")}");
            }

            var inConfig = catalog.ItemsOf(table.Key).Where(i => !i.Secret && IsFromConfig(i) && liveKeys.Contains(TableKeys.Of(table, i))).Select(i => $"{TableKeys.Of(table, i)}").ToList();
            if (inConfig.Count > 0)
            {
                lines.Add($"  {table.Key}: note: academy:items in the stack config also declares {string.Join(", ", inConfig)} and replaces the seed item with the same key; change those there");
            }
        }

        var problems = CatalogRecheck.Problems(WithExported(catalog, exported));
        if (problems.Count > 0 && folder.IntoCatalog)
        {
            throw new SandboxException(
                $"error: the live items would make the catalog invalid, so nothing was written ({hints.Command("export", "--out", "DIR")} writes them elsewhere to fix by hand):"
                + string.Concat(problems.Select(p => $"{Environment.NewLine}  - {p}")),
                ExitCodes.CatalogInvalid);
        }

        var changed = files.Where(f => f.Changed).ToList();
        Commit([.. changed.Where(f => f.After is not null).Select(f => (f.File, f.After!))], [.. changed.Where(f => f.After is null).Select(f => f.File)], paths);

        output.WriteLine($"export: learner {catalog.Settings.User} -> {Display(paths, folder.Path)}");
        foreach (var line in lines)
        {
            output.WriteLine(line);
        }

        foreach (var problem in problems)
        {
            output.WriteLine($"  warning: as the catalog's seed files these would be invalid: {problem}");
        }

        output.WriteLine($"done: {total:N0} item(s); {(changed.Count == 0 ? "no file changed" : $"{changed.Count} file(s) changed")}; {hints.Command("verify")} compares the live tables with the catalog");
        return total;
    }

    private static int IntoStack(Academy.Catalog.Catalog catalog, ProjectPaths paths, string stack, ExportScope scope, List<LiveTableItems> tables, List<string> lines, Hints hints, TextWriter output)
    {
        var (file, shown) = StackFileKeyEditor.Locate(paths, stack);
        if (catalog.Settings.ItemsUnreadable)
        {
            // Its items are unknown here, so none can be added beside them, and every live item looks undeclared.
            throw new SandboxException(
                $"error: export --stack writes {ConfigKeys.Items.FullKey}, which is encrypted in {shown}: the sandbox cannot add to a value it cannot decrypt; nothing was written. "
                + "Change it with `pulumi config` (the Pulumi CLI can decrypt it), or export into the seed files with --seed");
        }

        var writes = new List<StackItemWrite>();
        foreach (var (table, live, _, secretLive, secretReason) in tables)
        {
            var declared = catalog.ItemsOf(table.Key).ToDictionary(i => TableKeys.Of(table, i));
            var changes = new List<string>();
            foreach (var item in live.OrderBy(i => TableKeys.Of(table, i)))
            {
                var key = TableKeys.Of(table, item);
                if (!declared.TryGetValue(key, out var mine))
                {
                    changes.Add($"added {Excerpt.Escape(key.ToString())}");
                    writes.Add(new StackItemWrite(table, key, SeedFileEncoder.Ordered(table, item), changes[^1]));
                }
                else if (!AttributeValues.ItemsEqual(mine.Attributes, item))
                {
                    var attributes = mine.Attributes.Keys.Union(item.Keys).Where(n => !mine.Attributes.TryGetValue(n, out var a) || !item.TryGetValue(n, out var b) || !AttributeValues.Equal(a, b));
                    changes.Add($"changed {Excerpt.Escape(key.ToString())} ({string.Join(", ", attributes)})");
                    writes.Add(new StackItemWrite(table, key, InDeclaredOrder(mine.Attributes, item), changes[^1]));
                }
            }

            lines.Add(changes.Count == 0 ? $"  {table.Key}: {live.Count:N0} item(s), unchanged" : $"  {table.Key}: {live.Count:N0} item(s): {Listing(changes)}");
            if (secretLive > 0)
            {
                lines.Add($"  {table.Key}: {secretLive} item(s) left out: {secretReason}, and they stay there");
            }

            var liveKeys = live.Select(i => TableKeys.Of(table, i)).ToHashSet();
            var absent = declared.Values.Where(i => !i.Secret && !liveKeys.Contains(TableKeys.Of(table, i))).Select(i => $"{TableKeys.Of(table, i)}").ToList();
            if (scope.Whole && absent.Count > 0)
            {
                lines.Add($"  {table.Key}: {absent.Count} declared item(s) are not in the live table; {ConfigKeys.Items.FullKey} cannot take an item out of the catalog, so `pulumi up` creates them: {string.Join(", ", absent.Take(20))}{(absent.Count > 20 ? ", ..." : "")}");
            }
        }

        // One item with a set or binary need not block the rest: the refusal names the export of the others.
        StackItemsExport.CheckHoldable(writes, rest => rest.All(w => Hints.CanQuote(w.Key.ToString())) && rest.GroupBy(w => w.Table.Key).Select(g => hints.WithStack(stack).Command(
            "export", [.. Hints.OptionWords("--table", g.Key), .. g.SelectMany(w => Hints.OptionWords("--item", w.Key.ToString()))])).ToList() is { Count: > 0 } commands
            ? string.Join(" and ", commands)
            : null);
        var problems = CatalogRecheck.Problems(WithWrites(catalog, writes));
        if (problems.Count > 0)
        {
            throw new SandboxException(
                $"error: the live items would make the catalog invalid, so nothing was written:" + string.Concat(problems.Select(p => $"{Environment.NewLine}  - {p}")),
                ExitCodes.CatalogInvalid);
        }

        var created = false;
        if (writes.Count > 0)
        {
            var existing = File.Exists(file) ? StackFileConfigSource.Load(paths, stack) : null;
            if (existing?.IsSecret(ConfigKeys.Items.Name) == true || existing?.Unreadable(ConfigKeys.Items.Name) is not null)
            {
                throw new SandboxException($"error: {shown}: {ConfigKeys.Items.FullKey} holds a secret value, which export cannot rewrite; add the item with `pulumi config set --path` instead");
            }

            created = StackFileKeyEditor.Write(file, shown, StackItemsExport.Value(existing?.Get(ConfigKeys.Items.Name), writes));
        }

        output.WriteLine($"export: learner {catalog.Settings.User} -> {ConfigKeys.Items.FullKey} in {shown} (the shared seed files are not changed)");
        foreach (var line in lines)
        {
            output.WriteLine(line);
        }

        output.WriteLine(writes.Count == 0
            ? $"done: nothing to write; the live items are what the catalog declares"
            : created
                ? $"done: created {shown} (it did not exist) with {ConfigKeys.Items.FullKey}: {writes.Count} item(s)"
                : $"done: wrote {writes.Count} item(s) into {ConfigKeys.Items.FullKey} in {shown}; the rest of the file is unchanged");
        var learner = hints.WithStack(stack);
        output.WriteLine($"next: {learner.Command("adopt")} lists them for import by `pulumi up`; {learner.Command("verify")} compares the live tables with the catalog");
        return writes.Count;
    }

    // The catalog as it will be once academy:items holds the writes.
    private static Academy.Catalog.Catalog WithWrites(Academy.Catalog.Catalog catalog, List<StackItemWrite> writes)
    {
        var written = writes.Select(w => (w.Table.Key, w.Key)).ToHashSet();
        var items = catalog.Items.Where(i => !written.Contains((i.TableKey, i.Key))).Concat(writes.Select(w => new CatalogItem
        {
            TableKey = w.Table.Key,
            HashKeyValue = w.Key.Hash,
            RangeKeyValue = w.Key.Range,
            Attributes = w.Live,
            Source = $"config {ConfigKeys.Items.FullKey}.{w.Table.Key}",
        }));
        return catalog with { Items = items.OrderBy(i => i.TableKey, StringComparer.Ordinal).ThenBy(i => i.LogicalName, StringComparer.Ordinal).ToList() };
    }

    // The declared item's attribute order, then attributes it did not have by name: the entry reads like the item it replaces.
    private static Dictionary<string, AttributeValue> InDeclaredOrder(IReadOnlyDictionary<string, AttributeValue> declared, Dictionary<string, AttributeValue> live) =>
        declared.Keys.Where(live.ContainsKey).Concat(live.Keys.Where(k => !declared.ContainsKey(k)).Order(StringComparer.Ordinal))
            .ToDictionary(k => k, k => live[k], StringComparer.Ordinal);

    private static string Listing(IReadOnlyList<string> changes) =>
        string.Join(", ", changes.Take(20)) + (changes.Count > 20 ? $", ... ({changes.Count} in all)" : "");

    private static bool IsFromConfig(CatalogItem item) => item.Source.StartsWith("config ", StringComparison.Ordinal);

    // The table's items as the catalog will read them from the files, with their file names as sources.
    private static List<CatalogItem> Reread(TableSpec table, IReadOnlyList<SeedFileChange> files, ProjectPaths paths)
    {
        var definition = new TableDefinition(table.Key, table.HashKey, table.RangeKey);
        var items = new List<CatalogItem>();
        foreach (var file in files.Where(f => f.After is not null))
        {
            using var document = JsonDocument.Parse(file.After!, new JsonDocumentOptions { MaxDepth = 128 });
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("Items", out var scanned))
            {
                root = scanned;
            }

            items.AddRange(ItemParser.ParseList(root, file.Format, definition, Display(paths, file.File), new ErrorList()));
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
            foreach (var fromConfig in catalog.ItemsOf(table.Key).Where(IsFromConfig))
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
                    throw new SandboxException($"error: {Display(paths, file)}: cannot be written: {Excerpt.Of(e.Message)}");
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
                throw new SandboxException($"error: {Display(paths, current)}: cannot be removed: {Excerpt.Of(e.Message)}");
            }
        }
        finally
        {
            staged.ForEach(s => s.Dispose());
        }
    }

    // Relative to the project where the file is inside it, else the full path.
    private static string Display(ProjectPaths paths, string path) =>
        Excerpt.Of(paths.Relative(path) is var relative && relative.StartsWith("..", StringComparison.Ordinal) ? path : relative);
}
