using System.Globalization;
using System.Text;
using System.Text.Json;
using Academy.Catalog.Errors;
using Academy.Catalog.Files;

namespace Academy.Catalog;

/// <summary>
/// Reads a JSON file a learner edits (seed items, tables.json) as UTF-8, with or without a byte order
/// mark, and turns every way it can be unreadable into one message naming the file and, where known,
/// the line: empty, UTF-16, not UTF-8 (a Latin-1 file), an escaped half of a surrogate pair, malformed.
/// </summary>
internal static class JsonFile
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>The file's JSON text without a byte order mark, or null after reporting why it cannot be read.</summary>
    /// <param name="limit">What the file is and its most bytes, as in "a seed file is at most 64 MB".</param>
    public static byte[]? Read(string file, string source, string emptyHint, int maxDepth, (string What, long MaxBytes) limit, ErrorList errors)
    {
        if (Readable(file, source, emptyHint, limit, errors) is not { } json)
        {
            return null;
        }

        if (LoneSurrogate(json, new JsonReaderOptions { MaxDepth = maxDepth }, describeMalformed: true) is { } problem)
        {
            errors.Add(source, null, problem);
            return null;
        }

        return json;
    }

    // The file's bytes as UTF-8 text without a byte order mark (not yet parsed), or null after reporting why not.
    private static byte[]? Readable(string file, string source, string emptyHint, (string What, long MaxBytes) limit, ErrorList errors)
    {
        var tooLarge = $"{limit.What} is at most {InputFile.Size(limit.MaxBytes)}";
        if (InputFile.Read(file, limit.MaxBytes, size => size is { } known ? $"is {InputFile.Size(known)}; {tooLarge}" : $"is more than {InputFile.Size(limit.MaxBytes)}; {tooLarge}", out var unreadable) is not { } bytes)
        {
            errors.Add(source, null, unreadable!);
            return null;
        }

        if (Problem(bytes, out var json) is { } problem)
        {
            errors.Add(source, null, problem == Empty ? $"is empty; {emptyHint}" : problem);
            return null;
        }

        return json;
    }

    /// <summary>
    /// The file's JSON parsed, or null after reporting why it cannot be read: <see cref="Read"/>'s
    /// checks and messages with the text parsed once. It is read twice only when it may escape half
    /// of a surrogate pair, which seed files almost never do.
    /// </summary>
    public static JsonDocument? Parse(string file, string source, string emptyHint, JsonDocumentOptions options, (string What, long MaxBytes) limit, ErrorList errors)
    {
        if (Readable(file, source, emptyHint, limit, errors) is not { } json)
        {
            return null;
        }

        // A text that may escape one is read in order first, so the file's first problem is named,
        // whichever it is, as when every file was read that way.
        if (EscapesSurrogate(json) && LoneSurrogate(json, new JsonReaderOptions { MaxDepth = options.MaxDepth }, describeMalformed: true) is { } problem)
        {
            errors.Add(source, null, problem);
            return null;
        }

        try
        {
            return JsonDocument.Parse(json, options);
        }
        catch (JsonException e)
        {
            errors.Add(source, null, Json.Describe(e).Render(secret: false));
            return null;
        }
    }

    /// <summary>The same checks for JSON given as text (stack config), where only escapes can go wrong.</summary>
    public static string? TextProblem(string text) =>
        LoneSurrogate(Encoding.UTF8.GetBytes(text), new JsonReaderOptions(), describeMalformed: false);

    private const string Empty = "empty";

    private static string? Problem(byte[] bytes, out byte[] json)
    {
        json = bytes;
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) || bytes[0] == 0 || bytes[1] == 0))
        {
            return "is UTF-16 text (as some Windows editors save it); save it as UTF-8";
        }

        var span = bytes.AsSpan();
        if (span.StartsWith(Utf8Bom))
        {
            span = span[Utf8Bom.Length..];
        }

        if (span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return Empty;
        }

        if (Utf8Text.InvalidAt(span) is { } invalid)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"is not UTF-8 text (line {Utf8Text.Line(span, invalid)}, byte 0x{span[invalid]:X2}); save it as UTF-8 (a file saved as Latin-1 or Windows-1252 has such bytes for letters like é)");
        }

        json = span.Length == bytes.Length ? bytes : span.ToArray(); // a copy only to drop a byte order mark
        return null;
    }

    // True when the text has \u followed by d8 to df in either case: the only way to escape a half
    // of a surrogate pair. A \\u (an escaped backslash, then u) may match too; it only costs a scan.
    private static bool EscapesSurrogate(ReadOnlySpan<byte> json)
    {
        for (var at = json.IndexOf("\\u"u8); at >= 0; at = json.IndexOf("\\u"u8))
        {
            json = json[(at + 2)..];
            if (json.Length >= 2 && json[0] is (byte)'d' or (byte)'D' && json[1] is >= (byte)'8' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F')
            {
                return true;
            }
        }

        return false;
    }

    // JSON may escape half of a surrogate pair ("\ud800"), which is no text at all: System.Text.Json
    // parses it and throws only when the string is read, so every string is read once here.
    private static string? LoneSurrogate(byte[] json, JsonReaderOptions options, bool describeMalformed)
    {
        var reader = new Utf8JsonReader(json, options);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                {
                    try
                    {
                        reader.GetString();
                    }
                    catch (InvalidOperationException)
                    {
                        return $"line {Utf8Text.Line(json, (int)reader.TokenStartIndex)}: a string escapes half of a UTF-16 surrogate pair (such as \\ud800), which is not text; DynamoDB strings must be valid Unicode";
                    }
                }
            }
        }
        catch (JsonException e)
        {
            return describeMalformed ? Json.Describe(e).Render(secret: false) : null; // seed files are never secret; config text: its parse reports it in its own words
        }

        return null;
    }

}
