using System.Text.Json;
using Academy.Catalog.Items;
using Academy.Sandbox.Config;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Academy.Sandbox.Export;

/// <summary>
/// Edits the academy:items lines of a stack file in place: an entry with the written item's key is
/// replaced, a new one goes after the table's last entry, a new table after the last table; every other
/// line (other entries as the learner wrote them, comments) stays. Returns null for a layout it does
/// not edit (flow style, a table that is not a block list), and the caller writes the whole value.
/// </summary>
public static class StackItemsText
{
    public static string? Rewrite(string fragment, string newline, IReadOnlyList<(StackItemWrite Write, JsonElement Entry)> writes)
    {
        List<ParsingEvent> events;
        try
        {
            events = YamlEvents.Events(fragment);
        }
        catch (YamlException)
        {
            return null;
        }

        var root = events.FindIndex(e => e is MappingStart);
        if (root < 0 || events[root] is not MappingStart { Style: not MappingStyle.Flow })
        {
            return null;
        }

        var value = YamlEvents.Pairs(events, root)[0].ValueStart;
        if (events[value] is not MappingStart { Style: not MappingStyle.Flow })
        {
            return null;
        }

        var tables = YamlEvents.Pairs(events, value);
        if (tables.Count == 0 || Indent(fragment, tables[0].KeyIndex) is not { } tableIndent)
        {
            return null;
        }

        var edits = new List<(int Start, int End, string Text)>();
        var newTables = new List<string>();
        foreach (var group in writes.GroupBy(w => w.Write.Table.Key))
        {
            if (tables.FirstOrDefault(t => t.Key == group.Key) is not { } table)
            {
                newTables.Add($"{tableIndent}{YamlBlock.Scalar(group.Key)}:");
                newTables.AddRange(group.SelectMany(w => YamlBlock.Element(w.Entry, tableIndent + "  ")));
                continue;
            }

            if (events[table.ValueStart] is not SequenceStart { Style: not SequenceStyle.Flow })
            {
                return null;
            }

            var elements = Elements(events, table.ValueStart);
            var dash = DashIndent(fragment, (int)events[elements[0].Start].Start.Index);
            if (dash is null)
            {
                return null;
            }

            var appended = new List<string>();
            foreach (var (write, entry) in group)
            {
                var at = elements.FindIndex(e => Holds(events, e.Start, write));
                if (at < 0)
                {
                    appended.AddRange(YamlBlock.Element(entry, dash));
                    continue;
                }

                var start = YamlEvents.LineStart(fragment, (int)events[elements[at].Start].Start.Index);
                if (DashIndent(fragment, (int)events[elements[at].Start].Start.Index) is null)
                {
                    return null;
                }

                var order = YamlEvents.Pairs(events, elements[at].Start).Select(p => p.Key).ToList();
                edits.Add((start, YamlEvents.LineEnd(fragment, YamlEvents.ContentEnd(events, elements[at].Start, elements[at].End)), string.Join(newline, YamlBlock.Element(InOrder(entry, order), dash))));
            }

            if (appended.Count > 0)
            {
                var end = YamlEvents.LineEnd(fragment, YamlEvents.ContentEnd(events, elements[^1].Start, elements[^1].End));
                edits.Add((end, end, newline + string.Join(newline, appended)));
            }
        }

        if (newTables.Count > 0)
        {
            var end = YamlEvents.LineEnd(fragment, YamlEvents.ContentEnd(events, tables[^1].ValueStart, tables[^1].ValueEnd));
            edits.Add((end, end, newline + string.Join(newline, newTables)));
        }

        foreach (var (start, end, text) in edits.OrderByDescending(e => e.Start))
        {
            fragment = fragment[..start] + text + fragment[end..];
        }

        return fragment;
    }

    // The entry with its attributes in the order the replaced entry had them, new ones after.
    private static JsonElement InOrder(JsonElement entry, List<string> order)
    {
        var properties = entry.EnumerateObject().OrderBy(p => order.IndexOf(p.Name) is var i && i >= 0 ? i : order.Count).ToList();
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var property in properties)
            {
                property.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(stream.ToArray());
        return document.RootElement.Clone();
    }

    // The first and last event of each element of the block sequence starting at events[start].
    private static List<(int Start, int End)> Elements(List<ParsingEvent> events, int start)
    {
        var elements = new List<(int, int)>();
        var i = start + 1;
        while (events[i] is not SequenceEnd)
        {
            var end = YamlEvents.Skip(events, i);
            elements.Add((i, end));
            i = end + 1;
        }

        return elements;
    }

    // True when the element is a mapping whose key attributes hold the write's key.
    private static bool Holds(List<ParsingEvent> events, int start, StackItemWrite write)
    {
        if (events[start] is not MappingStart)
        {
            return false;
        }

        var pairs = YamlEvents.Pairs(events, start);
        string? Part(Academy.Catalog.Tables.KeyAttribute key) =>
            pairs.FirstOrDefault(p => p.Key == key.Name) is { } pair && events[pair.ValueStart] is Scalar scalar
                ? key.Type == "N" ? NumberText.Canonical(scalar.Value) : scalar.Value
                : null;
        return Part(write.Table.HashKey) == write.Key.Hash
            && (write.Table.RangeKey is not { } range || Part(range) == write.Key.Range);
    }

    // The whitespace before a sequence element's dash, when the element starts on its dash's line.
    private static string? DashIndent(string text, int index)
    {
        var prefix = text[YamlEvents.LineStart(text, index)..index];
        var dash = prefix.IndexOf('-', StringComparison.Ordinal);
        return dash >= 0 && prefix[..dash].All(c => c == ' ') && prefix[(dash + 1)..].All(c => c == ' ') && prefix.Length > dash + 1
            ? prefix[..dash]
            : null;
    }

    private static string? Indent(string text, int index) =>
        text[YamlEvents.LineStart(text, index)..index] is var prefix && prefix.All(c => c == ' ') ? prefix : null;
}
