using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Academy.Sandbox.Config;

/// <summary>
/// JSON values as block YAML for a stack file, written so that Pulumi (go-yaml v3) hands the program
/// exactly that JSON back: strings plain only where no YAML reader could type them, else double-quoted
/// with YAML escapes; numbers, booleans and null as their JSON text.
/// </summary>
public static partial class YamlBlock
{
    /// <summary>`key: value` as lines at <paramref name="indent"/>, nested collections in block style; the key as given (a config key such as academy:items).</summary>
    public static List<string> Entry(string key, JsonElement value, string indent)
    {
        var lines = new List<string>();
        AddEntry(lines, key, value, indent);
        return lines;
    }

    /// <summary>A string as a YAML scalar: plain when safe, else double-quoted.</summary>
    public static string Scalar(string value) =>
        PlainSafe().IsMatch(value) && !Keyword().IsMatch(value) ? value : Quoted(value);

    private static void AddEntry(List<string> lines, string key, JsonElement value, string indent)
    {
        if (Inline(value) is { } inline)
        {
            lines.Add($"{indent}{key}: {inline}");
            return;
        }

        lines.Add($"{indent}{key}:");
        AddBlock(lines, value, indent + "  ");
    }

    // A non-empty object or array, one line per entry.
    private static void AddBlock(List<string> lines, JsonElement value, string indent)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in value.EnumerateObject())
            {
                AddEntry(lines, Scalar(property.Name), property.Value, indent);
            }

            return;
        }

        foreach (var element in value.EnumerateArray())
        {
            lines.AddRange(Element(element, indent));
        }
    }

    /// <summary>One element of a block sequence, its dash at <paramref name="indent"/>.</summary>
    public static List<string> Element(JsonElement element, string indent)
    {
        var lines = new List<string>();
        if (Inline(element) is { } inline)
        {
            lines.Add($"{indent}- {inline}");
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            // The first entry on the dash's line, the rest under it.
            var entries = new List<string>();
            AddBlock(entries, element, indent + "  ");
            lines.Add($"{indent}- {entries[0].TrimStart()}");
            lines.AddRange(entries.Skip(1));
        }
        else
        {
            lines.Add($"{indent}-");
            AddBlock(lines, element, indent + "  ");
        }

        return lines;
    }

    // Scalars and empty collections fit on their key's line.
    private static string? Inline(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Scalar(value.GetString()!),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Object when !value.EnumerateObject().Any() => "{}",
        JsonValueKind.Array when value.GetArrayLength() == 0 => "[]",
        _ => null,
    };

    // YAML 1.2 double-quoted escapes for what must not stand raw; everything else as it is.
    private static string Quoted(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var rune in value.EnumerateRunes())
        {
            text.Append(rune.Value switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                0 => "\\0",
                0x85 => "\\N",
                0x2028 => "\\L",
                0x2029 => "\\P",
                0xFEFF => "\\uFEFF",
                < 0x20 or 0x7F or (>= 0x80 and <= 0x9F) => "\\x" + rune.Value.ToString("X2", CultureInfo.InvariantCulture),
                _ => rune.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_./-]*\\z")]
    private static partial Regex PlainSafe();

    // Words YAML 1.1 or 1.2 readers type as bool or null.
    [GeneratedRegex("^(y|n|yes|no|on|off|true|false|null)\\z", RegexOptions.IgnoreCase)]
    private static partial Regex Keyword();
}
