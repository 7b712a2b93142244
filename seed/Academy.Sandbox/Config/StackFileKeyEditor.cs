using System.Text.Json;
using Academy.Catalog.Project;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Report;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Academy.Sandbox.Config;

/// <summary>
/// One config key to set in a stack file: its full name, its value as block YAML lines (given the
/// indent of the config: entries), a check of the value as Pulumi reads it back from the edited
/// text (its JSON), and what the user can do instead when the file's layout cannot be edited safely.
/// </summary>
public sealed record StackFileValue(string Key, Func<string, IReadOnlyList<string>> Lines, Func<string, bool> ReadsBack, string WayOut);

/// <summary>
/// Sets one key in a Pulumi.&lt;stack&gt;.yaml by editing only that key's lines, so comments, other keys,
/// their order and formatting stay exactly as they were. The edited text is read back before it is
/// written: the key must come out as intended and every other config value unchanged, otherwise
/// nothing is written. A stack file that does not exist yet is created holding only the key.
/// </summary>
public static class StackFileKeyEditor
{
    /// <summary>The stack's file in the project root and its name for messages; a stack name that would put it elsewhere is one error.</summary>
    public static (string File, string Shown) Locate(ProjectPaths paths, string stack)
    {
        var file = paths.Resolve($"Pulumi.{stack}.yaml");
        if (!string.Equals(Path.GetDirectoryName(file), Path.TrimEndingDirectorySeparator(paths.Root), StringComparison.Ordinal))
        {
            throw new SandboxException($"error: --stack {stack}: a stack name cannot hold a path; its file Pulumi.<stack>.yaml is in the project root");
        }

        return (file, paths.Relative(file));
    }

    /// <summary>Writes the key into <paramref name="file"/>; returns true when the file was created.</summary>
    public static bool Write(string file, string displayName, StackFileValue value)
    {
        var created = !File.Exists(file);
        string text;
        try
        {
            text = created ? "" : File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SandboxException($"error: {displayName}: cannot be read: {e.Message}");
        }

        AtomicFile.Write(file, Edit(text, value, displayName));
        return created;
    }

    /// <summary>The file's text with the key set to <paramref name="value"/>.</summary>
    public static string Edit(string text, StackFileValue value, string displayName)
    {
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        List<ParsingEvent> events;
        try
        {
            events = Events(text);
        }
        catch (YamlException e)
        {
            throw new SandboxException($"error: {displayName}: malformed YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}");
        }

        var root = events.FindIndex(e => e is MappingStart or SequenceStart or Scalar);
        string edited;
        if (root < 0 || events[root] is Scalar { Value: "" })
        {
            edited = Append(text, newline, ["config:", .. value.Lines("  ")]);
        }
        else if (events[root] is not MappingStart { Style: not MappingStyle.Flow })
        {
            throw new SandboxException($"error: {displayName}: the file is not a block mapping with a config: key; {value.WayOut}");
        }
        else
        {
            edited = EditConfig(text, events, root, newline, value, displayName);
        }

        Check(text, edited, value, displayName);
        return edited;
    }

    private static string EditConfig(string text, List<ParsingEvent> events, int root, string newline, StackFileValue value, string displayName)
    {
        var pairs = Pairs(events, root);
        if (pairs.FirstOrDefault(p => p.Key == "config") is not { } block)
        {
            return Append(text, newline, ["config:", .. value.Lines("  ")]);
        }

        var configValue = events[block.ValueStart];
        if (configValue is Scalar { Value: "" } or Scalar { Value: "~" } or Scalar { Value: "null" })
        {
            // `config:` with nothing under it: replace its line with the block.
            return Replace(text, LineStart(text, block.KeyIndex), LineEnd(text, ContentEnd(events, block.ValueStart, block.ValueEnd)),
                string.Join(newline, ["config:", .. value.Lines("  ")]));
        }

        if (configValue is not MappingStart { Style: not MappingStyle.Flow })
        {
            throw new SandboxException($"error: {displayName}: config: is not a block mapping; {value.WayOut}");
        }

        var entries = Pairs(events, block.ValueStart);
        if (entries.Count == 0)
        {
            throw new SandboxException($"error: {displayName}: config: is empty; {value.WayOut}");
        }

        var indent = text[LineStart(text, entries[0].KeyIndex)..entries[0].KeyIndex];
        var lines = string.Join(newline, value.Lines(indent));
        if (entries.FirstOrDefault(p => p.Key == value.Key) is { } existing)
        {
            return Replace(text, LineStart(text, existing.KeyIndex), LineEnd(text, ContentEnd(events, existing.ValueStart, existing.ValueEnd)), lines);
        }

        var last = entries[^1];
        var end = LineEnd(text, ContentEnd(events, last.ValueStart, last.ValueEnd));
        return Replace(text, end, end, newline + lines);
    }

    // Both texts read as Pulumi reads them: the key as intended, every other key's value as before.
    private static void Check(string before, string after, StackFileValue value, string displayName)
    {
        Dictionary<string, string>? old, now;
        try
        {
            old = ConfigValues(before);
            now = ConfigValues(after);
        }
        catch (Exception e) when (e is YamlException or ArgumentException or InvalidCastException or FormatException)
        {
            // Anchors, aliases, duplicate or non-scalar keys: a layout whose meaning an edit could change.
            old = now = null;
        }

        var others = (old ?? []).Where(kv => kv.Key != value.Key).OrderBy(kv => kv.Key, StringComparer.Ordinal);
        var asWritten = now?.GetValueOrDefault(value.Key);
        if (now is null || asWritten is null || !ReadsBack(value, asWritten)
            || !others.SequenceEqual(now.Where(kv => kv.Key != value.Key).OrderBy(kv => kv.Key, StringComparer.Ordinal)))
        {
            throw new SandboxException($"error: {displayName}: its layout is one this command cannot edit safely, so it was left unchanged; {value.WayOut}");
        }
    }

    private static bool ReadsBack(StackFileValue value, string json)
    {
        try
        {
            return value.ReadsBack(json);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static Dictionary<string, string>? ConfigValues(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("config"), out var block))
        {
            return values;
        }

        if (block is not YamlMappingNode entries)
        {
            return block is YamlScalarNode { Value: "" or "~" or "null" or null } ? values : null;
        }

        foreach (var (key, node) in entries.Children)
        {
            values[((YamlScalarNode)key).Value ?? ""] = PulumiYamlJson.ConfigValue(node, out _, out _);
        }

        return values;
    }

    private static List<ParsingEvent> Events(string text)
    {
        var parser = new Parser(new StringReader(text));
        var events = new List<ParsingEvent>();
        while (parser.MoveNext())
        {
            events.Add(parser.Current!);
        }

        return events;
    }

    private sealed record Pair(string Key, int KeyIndex, int ValueStart, int ValueEnd);

    // The key/value pairs of the mapping starting at events[start]; ValueEnd is the value's last event.
    private static List<Pair> Pairs(List<ParsingEvent> events, int start)
    {
        var pairs = new List<Pair>();
        var i = start + 1;
        while (events[i] is not MappingEnd)
        {
            var keyEvent = events[i];
            var key = keyEvent is Scalar s ? s.Value : "";
            var valueStart = Skip(events, i) + 1;
            var valueEnd = Skip(events, valueStart);
            pairs.Add(new Pair(key, (int)keyEvent.Start.Index, valueStart, valueEnd));
            i = valueEnd + 1;
        }

        return pairs;
    }

    // The index of the last event of the node starting at events[i].
    private static int Skip(List<ParsingEvent> events, int i)
    {
        var depth = 0;
        do
        {
            depth += events[i].NestingIncrease;
            i++;
        }
        while (depth > 0);

        return i - 1;
    }

    // Where a node's text ends: its last scalar or flow bracket (a block collection's end event points at the next line).
    private static int ContentEnd(List<ParsingEvent> events, int first, int last)
    {
        var end = (int)events[first].End.Index;
        var flow = 0;
        for (var i = first; i <= last; i++)
        {
            switch (events[i])
            {
                case MappingStart { Style: MappingStyle.Flow } or SequenceStart { Style: SequenceStyle.Flow }:
                    flow++;
                    end = Math.Max(end, (int)events[i].End.Index);
                    break;
                case MappingEnd or SequenceEnd when flow > 0:
                    flow--;
                    end = Math.Max(end, (int)events[i].End.Index);
                    break;
                case Scalar or AnchorAlias:
                    end = Math.Max(end, (int)events[i].End.Index);
                    break;
            }
        }

        return end;
    }

    private static int LineStart(string text, int index) => index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;

    // The end of the line holding index - 1 (before its line break), so a value ending a line keeps that break.
    private static int LineEnd(string text, int index)
    {
        var end = text.IndexOf('\n', Math.Max(0, index - 1));
        end = end < 0 ? text.Length : end;
        return end > 0 && text[end - 1] == '\r' ? end - 1 : end;
    }

    private static string Replace(string text, int start, int end, string replacement) => text[..start] + replacement + text[end..];

    private static string Append(string text, string newline, IEnumerable<string> lines)
    {
        var separator = text.Length == 0 || text.EndsWith('\n') ? "" : newline;
        return text + separator + string.Join(newline, lines) + newline;
    }
}
