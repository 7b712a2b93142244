using System.Text;
using System.Text.Json;
using Academy.Catalog.Errors;
using Academy.Catalog.Files;
using Academy.Catalog.Items;
using Academy.Catalog.Tables;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Compare;
using Academy.Sandbox.Engine;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Export;

/// <summary>One seed file of a table as export found it and as it will write it.</summary>
public sealed record SeedFileChange(string File, ItemFormat Format, string? Before, string? After, int Count)
{
    public bool Changed => Before != After;
}

/// <summary>What exporting one table into a folder changes: its files and, per item, what changed.</summary>
public sealed record SeedTableChange(IReadOnlyList<SeedFileChange> Files, IReadOnlyList<string> Changes);

/// <summary>
/// Exports one table's live items into its seed files by replacing only the bytes of what changed:
/// an item's changed attribute values, its added and removed attributes, added items (after the
/// others) and removed ones. Item order, attribute order, formatting and the items out of scope stay
/// byte for byte, so exporting unchanged data changes nothing. An item plain JSON cannot hold moves to
/// the DynamoDB JSON file. The result is read back through the catalog's parser and compared before
/// anything is written.
/// </summary>
public static class SeedTableEdit
{
    /// <param name="Existed">False when <see cref="Bytes"/> are the catalog's file the new one starts from (export --out into a new folder).</param>
    private sealed record FileState(string File, string Shown, ItemFormat Format, byte[]? Bytes, SeedFileSpans? Spans, List<CatalogItem> Items, bool Existed)
    {
        public List<(int Start, int End, string Text)> Edits { get; } = [];

        public HashSet<int> Removed { get; } = [];

        public List<IReadOnlyDictionary<string, AttributeValue>> Appended { get; } = [];
    }

    /// <param name="live">The table's live items in the export's scope.</param>
    /// <param name="whole">True when the whole table is exported: items of the files that are not live are removed.</param>
    /// <param name="keep">Keys whose items stay as they are in the files whatever the live table holds (declared by a secret value).</param>
    /// <param name="startFrom">
    /// The catalog's own items folder when exporting into another one: a file not there yet starts as the
    /// catalog's, so the folder is a whole catalog in the seed's order and format, with kept items in it.
    /// </param>
    public static SeedTableChange Plan(TableSpec table, string plainFile, string dynamoFile, Func<string, string> shown, IReadOnlyList<Dictionary<string, AttributeValue>> live, bool whole, IReadOnlySet<ItemKey> keep, string? startFrom = null)
    {
        var definition = new TableDefinition(table.Key, table.HashKey, table.RangeKey);
        var plain = Load(plainFile, Base(plainFile, startFrom), shown, ItemFormat.Plain, definition);
        var dynamo = Load(dynamoFile, Base(dynamoFile, startFrom), shown, ItemFormat.DynamoDb, definition);
        var declared = new Dictionary<ItemKey, (FileState File, int Index)>();
        foreach (var file in new[] { plain, dynamo })
        {
            for (var i = 0; i < file.Items.Count; i++)
            {
                declared.TryAdd(file.Items[i].Key, (file, i));
            }
        }

        var changes = new List<string>();
        var liveKeys = new HashSet<ItemKey>();
        foreach (var item in live.OrderBy(i => TableKeys.Of(table, i)))
        {
            var key = TableKeys.Of(table, item);
            liveKeys.Add(key);
            var fits = SeedFileEncoder.FitsPlain(table, item);
            if (!declared.TryGetValue(key, out var at))
            {
                (fits ? plain : dynamo).Appended.Add(SeedFileEncoder.Ordered(table, item));
                changes.Add($"added {Excerpt.Escape(key.ToString())}");
                continue;
            }

            var old = at.File.Items[at.Index].Attributes;
            if (AttributeValues.ItemsEqual(old, item))
            {
                continue;
            }

            var attributes = old.Keys.Union(item.Keys).Where(n => !old.TryGetValue(n, out var a) || !item.TryGetValue(n, out var b) || !AttributeValues.Equal(a, b));
            changes.Add($"changed {Excerpt.Escape(key.ToString())} ({string.Join(", ", attributes)})");
            if (at.File.Format == ItemFormat.Plain && !fits)
            {
                at.File.Removed.Add(at.Index);
                dynamo.Appended.Add(SeedFileEncoder.Ordered(table, item));
                continue;
            }

            EditItem(at.File, at.Index, item);
        }

        if (whole)
        {
            foreach (var (key, at) in declared.Where(d => !liveKeys.Contains(d.Key) && !keep.Contains(d.Key)))
            {
                at.File.Removed.Add(at.Index);
                changes.Add($"removed {Excerpt.Escape(key.ToString())}");
            }
        }

        var plainAfter = Render(plain);
        var dynamoAfter = Render(dynamo);
        var plainCount = plain.Items.Count - plain.Removed.Count + plain.Appended.Count;
        var dynamoCount = dynamo.Items.Count - dynamo.Removed.Count + dynamo.Appended.Count;

        // A file emptied by this export goes when the other file holds the items; a table keeps at least its plain file.
        if (dynamoCount == 0 && dynamo.Items.Count > 0)
        {
            dynamoAfter = null;
        }

        if (plainCount == 0 && plain.Items.Count > 0 && dynamoCount > 0)
        {
            plainAfter = null;
        }
        else if (plainAfter is null && dynamoAfter is null)
        {
            plainAfter = "[]\n";
        }

        var result = new SeedTableChange(
            [
                new SeedFileChange(plainFile, ItemFormat.Plain, plain.Existed ? Text(plain.Bytes) : null, plainAfter, plainCount),
                new SeedFileChange(dynamoFile, ItemFormat.DynamoDb, dynamo.Existed ? Text(dynamo.Bytes) : null, dynamoAfter, dynamoCount),
            ],
            changes);
        CheckReadsBack(table, definition, result, shown, declared.ToDictionary(d => d.Key, d => d.Value.File.Items[d.Value.Index].Attributes), live, whole, keep);
        return result;
    }

    private static string? Base(string file, string? startFrom) =>
        startFrom is null || FileKind.Of(file, followLinks: false) != FileType.Missing ? null : Path.Combine(startFrom, Path.GetFileName(file));

    // The file to edit; when it does not exist, the catalog's file it starts from (or nothing). Read as the
    // catalog reads its files: only a regular file, never more than a seed file's limit.
    private static FileState Load(string file, string? startFrom, Func<string, string> shown, ItemFormat format, TableDefinition definition)
    {
        var existed = FileKind.Of(file, followLinks: false) != FileType.Missing;
        var from = existed ? file : startFrom;
        if (from is null || FileKind.Of(from, followLinks: false) == FileType.Missing)
        {
            return new FileState(file, shown(file), format, null, null, [], existed);
        }

        var source = shown(from);
        var advice = existed ? "fix it, or export with --out into another folder" : "fix it first";
        var bytes = InputFile.Read(from, SeedFiles.MaxBytes, size => $"is {(size is { } known ? InputFile.Size(known) : "more than " + InputFile.Size(SeedFiles.MaxBytes))}; a seed file is at most {InputFile.Size(SeedFiles.MaxBytes)}", out var unreadable);
        if (bytes is null)
        {
            throw new SandboxException($"error: {source}: {unreadable}; nothing was written ({advice})");
        }

        try
        {
            var spans = SeedFileSpans.Read(bytes);
            var items = Parse(Encoding.UTF8.GetString(bytes), format, definition, source, out var problems);
            if (problems.Count > 0 || items.Count != spans.Items.Count)
            {
                throw new SandboxException($"error: {source}: {problems.FirstOrDefault() ?? "cannot be read as a list of items"}; nothing was written ({advice})");
            }

            return new FileState(file, shown(file), format, bytes, spans, items, existed);
        }
        catch (Exception e) when (e is JsonException or DecoderFallbackException)
        {
            throw new SandboxException($"error: {source}: cannot be read as a list of items ({e.Message}); nothing was written ({advice})");
        }
    }

    private static List<CatalogItem> Parse(string text, ItemFormat format, TableDefinition definition, string source, out List<string> problems)
    {
        using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 128 });
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("Items", out var scanned))
        {
            root = scanned;
        }

        var errors = new ErrorList();
        var items = ItemParser.ParseList(root, format, definition, source, errors);
        problems = errors.Any ? [.. errors.Errors.Select(e => e.ToString())] : [];
        return items;
    }

    // Replaces the values that changed, removes attributes the live item no longer has, appends new ones.
    private static void EditItem(FileState file, int index, IReadOnlyDictionary<string, AttributeValue> item)
    {
        var text = file.Bytes!;
        var span = file.Spans!.Items[index];
        var old = file.Items[index].Attributes;
        var plain = file.Format == ItemFormat.Plain;
        var newline = Newline(text);
        var removed = new HashSet<int>();
        for (var m = 0; m < span.Members.Count; m++)
        {
            var member = span.Members[m];
            if (!item.TryGetValue(member.Name, out var value))
            {
                removed.Add(m);
            }
            else if (!AttributeValues.Equal(old[member.Name], value))
            {
                file.Edits.Add((member.ValueStart, member.End, SeedFileEncoder.RenderValue(SeedFileEncoder.Sorted(value), plain, LineIndent(text, member.Start), newline)));
            }
        }

        file.Edits.AddRange(RemoveFromList(span.Members, removed));
        var added = item.Where(kv => !old.ContainsKey(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        if (added.Count > 0)
        {
            var last = span.Members.Where((_, m) => !removed.Contains(m)).Last();
            var first = span.Members[0];
            var separator = IsLineStart(text, first.Start) ? "," + newline + LineIndent(text, first.Start) : ", ";
            var indent = IsLineStart(text, first.Start) ? LineIndent(text, first.Start) : LineIndent(text, span.Start) + "  ";
            file.Edits.Add((last.End, last.End, string.Concat(added.Select(kv =>
                separator + SeedFileEncoder.Name(kv.Key) + ": " + SeedFileEncoder.RenderValue(SeedFileEncoder.Sorted(kv.Value), plain, indent, newline)))));
        }
    }

    // The file's new text: null when it does not exist and nothing is added; re-rendered whole when none of its items stays.
    private static string? Render(FileState file)
    {
        var plain = file.Format == ItemFormat.Plain;
        if (file.Bytes is null || file.Items.Count == file.Removed.Count)
        {
            if (file.Bytes is null && file.Appended.Count == 0)
            {
                return null;
            }

            var newline = file.Bytes is null ? "\n" : Newline(file.Bytes);
            if (file.Bytes is not null && file.Items.Count == 0 && file.Appended.Count == 0)
            {
                return Text(file.Bytes); // an empty list stays as it was written
            }

            return file.Appended.Count == 0
                ? "[]" + newline
                : "[" + newline + string.Join("," + newline, file.Appended.Select(i => "  " + SeedFileEncoder.RenderItem(i, plain, "  ", newline))) + newline + "]" + newline;
        }

        var text = file.Bytes;
        var spans = file.Spans!;
        var edits = new List<(int Start, int End, string Text)>(file.Edits);
        edits.AddRange(RemoveFromList(spans.Items, file.Removed));
        if (file.Appended.Count > 0)
        {
            var last = spans.Items.Where((_, i) => !file.Removed.Contains(i)).Last();
            var newline = Newline(text);
            var indent = IsLineStart(text, spans.Items[0].Start) ? LineIndent(text, spans.Items[0].Start) : "";
            var separator = IsLineStart(text, spans.Items[0].Start) ? "," + newline + indent : ", ";
            edits.Add((last.End, last.End, string.Concat(file.Appended.Select(i => separator + SeedFileEncoder.RenderItem(i, plain, indent, newline)))));
        }

        return Apply(text, edits);
    }

    // Removes the spans at the given indexes with their separating commas; at least one span stays.
    private static IEnumerable<(int Start, int End, string Text)> RemoveFromList(IReadOnlyList<ISpan> spans, IReadOnlySet<int> removed)
    {
        var firstKept = Enumerable.Range(0, spans.Count).FirstOrDefault(i => !removed.Contains(i), spans.Count);
        foreach (var i in removed.Order())
        {
            yield return i < firstKept
                ? (spans[i].Start, spans[i + 1].Start, "")
                : (spans[i - 1].End, spans[i].End, "");
        }
    }

    // Applied from the end of the file backwards; at one position a removal goes before an insertion.
    private static string Apply(byte[] text, List<(int Start, int End, string Text)> edits)
    {
        var result = new List<byte>(text);
        foreach (var (start, end, replacement) in edits.OrderByDescending(e => e.Start).ThenByDescending(e => e.End))
        {
            result.RemoveRange(start, end - start);
            result.InsertRange(start, Encoding.UTF8.GetBytes(replacement));
        }

        return Encoding.UTF8.GetString([.. result]);
    }

    private static bool IsLineStart(byte[] text, int index)
    {
        var i = index - 1;
        while (i >= 0 && text[i] is (byte)' ' or (byte)'\t')
        {
            i--;
        }

        return i < 0 || text[i] == '\n';
    }

    // The whitespace that starts the line holding index.
    private static string LineIndent(byte[] text, int index)
    {
        var start = index;
        while (start > 0 && text[start - 1] != '\n')
        {
            start--;
        }

        var end = start;
        while (end < text.Length && text[end] is (byte)' ' or (byte)'\t')
        {
            end++;
        }

        return Encoding.UTF8.GetString(text, start, end - start);
    }

    private static string Newline(byte[] text) => text.AsSpan().IndexOf("\r\n"u8) >= 0 ? "\r\n" : "\n";

    private static string? Text(byte[]? bytes) => bytes is null ? null : Encoding.UTF8.GetString(bytes);

    // The files as the catalog will read them: the live items in scope exactly, every other item as it was.
    private static void CheckReadsBack(TableSpec table, TableDefinition definition, SeedTableChange change, Func<string, string> shown, Dictionary<ItemKey, IReadOnlyDictionary<string, AttributeValue>> before, IReadOnlyList<Dictionary<string, AttributeValue>> live, bool whole, IReadOnlySet<ItemKey> keep)
    {
        var expected = new Dictionary<ItemKey, IReadOnlyDictionary<string, AttributeValue>>(before);
        foreach (var key in before.Keys.Where(k => whole && !keep.Contains(k)))
        {
            expected.Remove(key);
        }

        foreach (var item in live)
        {
            expected[TableKeys.Of(table, item)] = item;
        }

        var read = new Dictionary<ItemKey, IReadOnlyDictionary<string, AttributeValue>>();
        foreach (var file in change.Files.Where(f => f.After is not null))
        {
            foreach (var item in Parse(file.After!, file.Format, definition, shown(file.File), out var problems))
            {
                if (problems.Count > 0 || !read.TryAdd(item.Key, item.Attributes))
                {
                    break;
                }
            }
        }

        var wrong = expected.Keys.Where(k => !read.TryGetValue(k, out var got) || !AttributeValues.ItemsEqual(got, expected[k])).Concat(read.Keys.Where(k => !expected.ContainsKey(k))).ToList();
        if (wrong.Count > 0)
        {
            throw new SandboxException($"error: {table.Name}: item {wrong[0]} does not read back from the edited seed files as it is stored; nothing was written");
        }
    }
}
