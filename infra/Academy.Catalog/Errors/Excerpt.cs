using System.Globalization;
using System.Text;

namespace Academy.Catalog.Errors;

/// <summary>
/// The one way input is quoted back to a person: hostile input can be megabytes long, so a message
/// quotes only its start and says how long it was; and it can hold terminal controls (ESC sequences
/// that clear the screen or set the window title, BEL, CR that overwrites a line, LF that splits a
/// name, bidi overrides that reorder what is shown), so every such character is shown as a JSON-style
/// escape, as string values in DynamoDB JSON already are.
/// </summary>
public static class Excerpt
{
    /// <summary>The longest quote of one value in a message.</summary>
    public const int Max = 200;

    /// <summary>
    /// The longest attribute value a listing (show, verify, plan) prints whole: far above a real setting
    /// or URL, far below the 400 KB an item may hold, which on one line would bury the listing.
    /// </summary>
    public const int MaxValue = 1_000;

    /// <summary>An attribute value for a listing: whole up to <see cref="MaxValue"/> characters, else its start and its length.</summary>
    public static string Value(string text) => Of(text, MaxValue, MaxValue - 200);

    private const int Keep = 160;

    /// <summary>The text, escaped, up to <paramref name="max"/> characters; else its first <paramref name="keep"/> and its length.</summary>
    public static string Of(string text, int max = Max, int keep = Keep)
    {
        if (text.Length <= max)
        {
            return Escape(text);
        }

        // Never cut a surrogate pair in half: the half would print as a replacement character.
        var cut = char.IsHighSurrogate(text[keep - 1]) ? keep - 1 : keep;
        return string.Create(CultureInfo.InvariantCulture, $"{Escape(text[..cut])}... ({text.Length:N0} characters)");
    }

    /// <summary>The whole text with every character that could control a terminal or break a line escaped.</summary>
    public static string Escape(string text) => Escape(text, keepLineFeeds: false);

    /// <summary>
    /// Like <see cref="Escape(string)"/>, keeping line feeds: for whole blocks of output, whose line
    /// feeds the tool wrote (values inside them were escaped where they were quoted).
    /// </summary>
    public static string Escape(string text, bool keepLineFeeds)
    {
        var first = FirstToEscape(text, keepLineFeeds);
        if (first < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (!Controls(c) || (keepLineFeeds && c == '\n'))
            {
                escaped.Append(c);
                continue;
            }

            escaped.Append(c switch
            {
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                _ => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
            });
        }

        return escaped.ToString();
    }

    /// <summary>The index of the first character <see cref="Escape(string, bool)"/> changes, or -1.</summary>
    public static int FirstToEscape(ReadOnlySpan<char> text, bool keepLineFeeds)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (Controls(text[i]) && !(keepLineFeeds && text[i] == '\n'))
            {
                return i;
            }
        }

        return -1;
    }

    // C0 and C1 controls and DEL (terminals act on them, C1's CSI U+009B too), the line and paragraph
    // separators, and the bidi marks, embeddings, overrides and isolates that reorder displayed text.
    private static bool Controls(char c) => c switch
    {
        < ' ' or '\u007f' or (>= '\u0080' and <= '\u009f') => true,
        '\u061c' or '\u200e' or '\u200f' or '\u2028' or '\u2029' => true,
        >= '\u202a' and <= '\u202e' => true,
        >= '\u2066' and <= '\u2069' => true,
        _ => false,
    };
}
