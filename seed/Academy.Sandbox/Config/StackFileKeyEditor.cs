using System.Text.Json;
using Academy.Catalog.Project;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Files;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Academy.Sandbox.Config;

/// <summary>
/// One config key to set in a stack file: its full name, its value as block YAML lines (given the
/// indent of the config: entries), a check of the value as Pulumi reads it back from the edited
/// text (its JSON), and what the user can do instead when the file's layout cannot be edited safely.
/// </summary>
/// <param name="Rewrite">Given the key's present lines (from its key to the end of its value) and the file's line break, an edit of them that keeps what did not change; null to write <paramref name="Lines"/> instead.</param>
public sealed record StackFileValue(string Key, Func<string, IReadOnlyList<string>> Lines, Func<string, bool> ReadsBack, string WayOut, Func<string, string, string?>? Rewrite = null);

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
        var file = paths.Resolve(PulumiStackName.FileName(stack));
        if (!string.Equals(Path.GetDirectoryName(file), Path.TrimEndingDirectorySeparator(paths.Root), StringComparison.Ordinal))
        {
            throw new SandboxException($"error: --stack {stack}: a stack name cannot hold a path; its file Pulumi.<stack>.yaml is in the project root");
        }

        return (file, paths.Relative(file));
    }

    /// <summary>Writes the key into <paramref name="file"/>; returns true when the file was created.</summary>
    public static bool Write(string file, string displayName, StackFileValue value)
    {
        // A link, FIFO or device is refused before it is read (AtomicFile would refuse to replace it anyway).
        if (AtomicFile.Refusal(file) is { } refusal)
        {
            throw new SandboxException($"error: {displayName}: {refusal}");
        }

        var created = !File.Exists(file);
        var text = created ? "" : StackFileConfigSource.ReadText(file, out var problem) ?? throw new SandboxException($"error: {displayName}: {problem}");

        AtomicFile.Write(file, Edit(text, value, displayName), displayName);
        return created;
    }

    /// <summary>The file's text with the key set to <paramref name="value"/>.</summary>
    public static string Edit(string text, StackFileValue value, string displayName)
    {
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        List<ParsingEvent> events;
        try
        {
            events = YamlEvents.Events(text);
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
        var pairs = YamlEvents.Pairs(events, root);
        if (pairs.FirstOrDefault(p => p.Key == "config") is not { } block)
        {
            return Append(text, newline, ["config:", .. value.Lines("  ")]);
        }

        var configValue = events[block.ValueStart];
        if (configValue is Scalar { Value: "" } or Scalar { Value: "~" } or Scalar { Value: "null" })
        {
            // `config:` with nothing under it: replace its line with the block.
            return Replace(text, YamlEvents.LineStart(text, block.KeyIndex), YamlEvents.LineEnd(text, YamlEvents.ContentEnd(events, block.ValueStart, block.ValueEnd)),
                string.Join(newline, ["config:", .. value.Lines("  ")]));
        }

        if (configValue is not MappingStart { Style: not MappingStyle.Flow })
        {
            throw new SandboxException($"error: {displayName}: config: is not a block mapping; {value.WayOut}");
        }

        var entries = YamlEvents.Pairs(events, block.ValueStart);
        if (entries.Count == 0)
        {
            throw new SandboxException($"error: {displayName}: config: is empty; {value.WayOut}");
        }

        var indent = text[YamlEvents.LineStart(text, entries[0].KeyIndex)..entries[0].KeyIndex];
        var lines = string.Join(newline, value.Lines(indent));
        if (entries.FirstOrDefault(p => p.Key == value.Key) is { } existing)
        {
            var from = YamlEvents.LineStart(text, existing.KeyIndex);
            var to = YamlEvents.LineEnd(text, YamlEvents.ContentEnd(events, existing.ValueStart, existing.ValueEnd));
            return Replace(text, from, to, value.Rewrite?.Invoke(text[from..to], newline) ?? lines);
        }

        var last = entries[^1];
        var end = YamlEvents.LineEnd(text, YamlEvents.ContentEnd(events, last.ValueStart, last.ValueEnd));
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

    private static string Replace(string text, int start, int end, string replacement) => text[..start] + replacement + text[end..];

    private static string Append(string text, string newline, IEnumerable<string> lines)
    {
        var separator = text.Length == 0 || text.EndsWith('\n') ? "" : newline;
        return text + separator + string.Join(newline, lines) + newline;
    }
}
