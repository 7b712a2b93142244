using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Academy.Catalog.Errors;

/// <summary>
/// A problem's wording with every hole remembered as either something the code chose (literal text,
/// counts and limits, names wrapped in <see cref="Shown"/>) or a VALUE the user wrote. A message about
/// secret data renders every value as <see cref="Mask"/>, so a secret can never be quoted back, however
/// it was cut, escaped or embedded. Holes of type string are values unless wrapped: forgetting the
/// wrapper masks too much, never too little.
/// </summary>
[InterpolatedStringHandler]
public sealed class ErrorMessage
{
    public const string Mask = "***";

    private const int HoleMax = 400;

    private const int HoleKeep = 300;

    private readonly List<Part> _parts;

    public ErrorMessage(int literalLength, int formattedCount) => _parts = new List<Part>((2 * formattedCount) + 1);

    private ErrorMessage(Part part) => _parts = [part];

    /// <summary>
    /// Text whose origin is unknown (a string variable, a helper's string result) is a value as a
    /// whole; write messages as interpolated strings so their wording survives masking.
    /// </summary>
    public static implicit operator ErrorMessage(string text) => new(new Part(text, IsValue: true));

    public static ErrorMessage Value(string text) => text;

    public void AppendLiteral(string text) => _parts.Add(new Part(text, IsValue: false));

    public void AppendFormatted(string? value) => _parts.Add(new Part(value ?? "", IsValue: true));

    public void AppendFormatted(ShownText text) => _parts.Add(new Part(text.Text, IsValue: false));

    public void AppendFormatted(ErrorMessage? message)
    {
        if (message is not null)
        {
            _parts.AddRange(message._parts);
        }
    }

    // Counts, sizes, positions and limits the code computes are ints; any other type might be a
    // value read from an item (a decimal, a bool, a list), so it is one.
    public void AppendFormatted(int number, string? format = null) =>
        _parts.Add(new Part(number.ToString(format, CultureInfo.InvariantCulture), IsValue: false));

    public void AppendFormatted(long number, string? format = null) =>
        _parts.Add(new Part(number.ToString(format, CultureInfo.InvariantCulture), IsValue: false));

    public void AppendFormatted<T>(T value, string? format = null) =>
        _parts.Add(new Part(value is IFormattable f ? f.ToString(format, CultureInfo.InvariantCulture) : value?.ToString() ?? "", IsValue: true));

    /// <summary>The message with every value masked when <paramref name="secret"/> is true, else quoted through <see cref="Excerpt"/>.</summary>
    public string Render(bool secret)
    {
        var text = new StringBuilder();
        foreach (var part in _parts)
        {
            // Values are quoted as excerpts (a hole may hold a sentence a helper composed, so the limit
            // is generous); names are shown whole; both with terminal controls escaped.
            text.Append(secret && part.IsValue ? Mask : part.IsValue ? Excerpt.Of(part.Text, HoleMax, HoleKeep) : Excerpt.Escape(part.Text));
        }

        return text.ToString();
    }

    /// <summary>The unmasked text, for messages about data that is not secret (such as items read back from a table).</summary>
    public override string ToString() => Render(secret: false);

    private readonly record struct Part(string Text, bool IsValue);
}
