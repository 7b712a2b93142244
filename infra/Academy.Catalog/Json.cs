using System.Text.Json;
using Academy.Catalog.Errors;

namespace Academy.Catalog;

/// <summary>Shared wording for JSON problems, so every file and config key reports them alike.</summary>
internal static class Json
{
    // The parser's own words may quote the text it choked on, so they are a value; line and position are not.
    public static ErrorMessage Describe(JsonException e)
    {
        if (e.LineNumber is { } line)
        {
            return $"malformed JSON at line {line + 1}, position {(e.BytePositionInLine ?? 0) + 1}: {FirstSentence(e.Message)}";
        }

        return $"malformed JSON: {FirstSentence(e.Message)}";
    }

    public static string KindName(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    // System.Text.Json appends "Path: $ | LineNumber: 0 | BytePositionInLine: 3." (or just the line part),
    // which the message already says in the user's terms.
    private static string FirstSentence(string message)
    {
        foreach (var marker in new[] { " Path:", " LineNumber:" })
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        return message.Replace(" Change the reader options.", "", StringComparison.Ordinal).TrimEnd();
    }
}
