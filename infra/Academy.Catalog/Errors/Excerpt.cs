using System.Globalization;

namespace Academy.Catalog.Errors;

/// <summary>Hostile input can be megabytes long: a message quotes only its start and says how long it was.</summary>
internal static class Excerpt
{
    /// <summary>The text itself up to <paramref name="max"/> characters, else its first <paramref name="keep"/> and its length.</summary>
    public static string Of(string text, int max, int keep) =>
        text.Length <= max ? text : string.Create(CultureInfo.InvariantCulture, $"{text[..keep]}... ({text.Length:N0} characters)");
}
