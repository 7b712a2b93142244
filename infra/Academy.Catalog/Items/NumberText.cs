using System.Globalization;
using System.Text.RegularExpressions;
using Academy.Catalog.Errors;
using Amazon.Extensions.Numerics;

namespace Academy.Catalog.Items;

/// <summary>
/// DynamoDB's number rules and its canonical text, over AWSSDK's BigDecimal: numbers travel as text
/// end to end, so a 38-digit value is never squeezed through a double. DynamoDB returns every number
/// in plain decimal notation with no exponent, no leading or trailing zeroes and no sign on zero
/// ("1.0" -> "1", "1e2" -> "100", "-0" -> "0", "1e-05" -> "0.00001"); the catalog declares exactly
/// that text, so the provider reads back what it wrote.
/// </summary>
public static partial class NumberText
{
    public const int MaxSignificantDigits = 38;
    public const int MaxExponent = 125;
    public const int MinExponent = -130;

    /// <summary>Null when DynamoDB accepts the text as a number, else why not.</summary>
    public static ErrorMessage? Check(string text) => TryParse(text, out _, out var problem) ? null : problem;

    /// <summary>The text DynamoDB stores and returns for a number it accepts; the text itself for one it refuses.</summary>
    public static string Canonical(string text) => IsCanonical(text) ? text : TryParse(text, out var value, out _) ? Canonical(value) : text;

    /// <summary>The text DynamoDB stores and returns for <paramref name="text"/>, or why it refuses it.</summary>
    public static bool TryCanonical(string text, out string canonical, out ErrorMessage? problem)
    {
        if (IsCanonical(text))
        {
            (canonical, problem) = (text, null);
            return true;
        }

        var accepted = TryParse(text, out var value, out problem);
        canonical = accepted ? Canonical(value) : text;
        return accepted;
    }

    // Already DynamoDB's own text: plain ASCII digits, no leading zero, no trailing zero after a point,
    // no sign on zero, at most 38 digits (so within every limit). That is what the catalog declares and
    // the engine returns, so nearly every number skips BigDecimal: parsing each twice was most of
    // comparing a scanned table with the catalog.
    private static bool IsCanonical(string text)
    {
        var start = text.StartsWith('-') ? 1 : 0;
        if (start == text.Length || !char.IsAsciiDigit(text[start]))
        {
            return false;
        }

        if (text[start] == '0' && (start + 1 == text.Length ? start == 1 : text[start + 1] != '.'))
        {
            return false; // "-0", "01"
        }

        var (digits, point) = (0, -1);
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] == '.' && point < 0)
            {
                point = i;
            }
            else if (char.IsAsciiDigit(text[i]))
            {
                digits++;
            }
            else
            {
                return false;
            }
        }

        return digits <= MaxSignificantDigits && (point < 0 || (point < text.Length - 1 && text[^1] != '0'));
    }

    public static string Canonical(BigDecimal value) => value.ToPlainString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Parses <paramref name="text"/> as DynamoDB does; <paramref name="value"/> comes back with trailing
    /// zeroes stripped, so equal numbers have equal canonical text.
    /// </summary>
    public static bool TryParse(string text, out BigDecimal value, out ErrorMessage? problem)
    {
        value = default;

        // BigDecimal.Parse also takes "+5" and " 5"; DynamoDB does not, so its grammar comes first.
        if (!Grammar().IsMatch(text))
        {
            problem = $"'{Shorten(text)}' is not a number (DynamoDB numbers look like 42, -1.5 or 6.02e23: no '+', no spaces)";
            return false;
        }

        try
        {
            value = BigDecimal.Parse(text, CultureInfo.InvariantCulture).StripTrailingZeros();
        }
        catch (FormatException)
        {
            // Only an exponent beyond BigDecimal's 32-bit scale gets here: zero is zero at any exponent.
            var mantissa = text.AsSpan(0, text.AsSpan().IndexOfAny('e', 'E'));
            if (mantissa.IndexOfAnyInRange('1', '9') < 0)
            {
                value = BigDecimal.Zero;
                problem = null;
                return true;
            }

            problem = OutOfRange(text);
            return false;
        }

        if (value.IsZero)
        {
            problem = null;
            return true;
        }

        // Scientific exponent of the first significant digit: 1e2 has precision 1 and scale -2.
        var magnitude = (long)value.Precision - 1 - value.Scale;
        if (magnitude is > MaxExponent or < MinExponent)
        {
            problem = OutOfRange(text);
            return false;
        }

        if (value.Precision > MaxSignificantDigits)
        {
            problem = $"{Shorten(text)} has {value.Precision} significant digits; DynamoDB keeps at most {MaxSignificantDigits}";
            return false;
        }

        problem = null;
        return true;
    }

    /// <summary>Significant digits after trimming leading and trailing zeroes (what DynamoDB stores); 0 for zero.</summary>
    public static int SignificantDigits(string text) =>
        TryParse(text, out var value, out _) ? (value.IsZero ? 0 : value.Precision) : text.Length;

    /// <summary>
    /// The bytes DynamoDB counts for a number towards the 400 KB item limit. AWS documents it only as
    /// "about one byte per two significant digits, plus one"; this is the exact count of its storage
    /// form as the local engine (dynalite's valSize) models it: one exponent byte, the digits in
    /// base-100 pairs aligned on an even exponent, and one terminator byte for a negative number.
    /// </summary>
    public static int SizeBytes(BigDecimal value)
    {
        if (value.IsZero)
        {
            return 1;
        }

        var digits = value.Precision;
        var exponent = digits - 1 - value.Scale;
        var unaligned = digits % 2 == 0 && exponent % 2 == 0 ? 1 : 0;
        return 1 + ((digits + 1) / 2) + unaligned + (value.Sign < 0 ? 1 : 0);
    }

    public static int SizeBytes(string text) =>
        PlainSizeBytes(text) ?? (TryParse(text, out var value, out _) ? SizeBytes(value) : ((text.Length + 1) / 2) + 1);

    // The same count for a number in plain digits (-12.50, 0.001, 300: what the catalog declares),
    // read off the text without a BigDecimal: an item's size is counted by its checks, by the cost
    // estimate and by `plan`, and parsing every number again was most of that. Null for any other
    // form (an exponent, ".5", "5.", non-ASCII digits, more digits than DynamoDB keeps): parsed.
    private static int? PlainSizeBytes(string text)
    {
        var negative = text.StartsWith('-');
        var (digits, integerDigits) = (0, -1); // integerDigits: the digits before the point, once one is seen
        var (first, last) = (-1, -1); // the first and last non-zero digit, counted across the point
        for (var i = negative ? 1 : 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '.' && integerDigits < 0)
            {
                integerDigits = digits;
                continue;
            }

            if (!char.IsAsciiDigit(c))
            {
                return null;
            }

            if (c != '0')
            {
                first = first < 0 ? digits : first;
                last = digits;
            }

            digits++;
        }

        if (digits == 0 || integerDigits == 0 || integerDigits == digits || digits > MaxSignificantDigits)
        {
            return null; // "", "-", ".5", "5.", or longer than any number DynamoDB keeps
        }

        if (first < 0)
        {
            return 1; // zero, as SizeBytes(BigDecimal) counts it
        }

        var precision = last - first + 1;
        var exponent = (integerDigits < 0 ? digits : integerDigits) - 1 - first; // of the first significant digit: 300 -> 2, 0.012 -> -2
        var unaligned = precision % 2 == 0 && exponent % 2 == 0 ? 1 : 0;
        return 1 + ((precision + 1) / 2) + unaligned + (negative ? 1 : 0);
    }

    private static ErrorMessage OutOfRange(string text) =>
        $"{Shorten(text)} is outside DynamoDB's range: magnitudes from 1E{MinExponent} to 9.99...E+{MaxExponent} (and 0)";

    // A hostile number can be megabytes long; messages quote its start.
    private static string Shorten(string text) => Excerpt.Of(text, 60, 40);

    /// <summary>True when the text is a number in JSON's own grammar, so it can be written into JSON as it is.</summary>
    public static bool IsJson(string text) => JsonGrammar().IsMatch(text);

    [GeneratedRegex(@"\A-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex JsonGrammar();

    // The local engine's grammar (big.js), which DynamoDB matches for what learners write. ASCII
    // digits only: .NET's \d also matches other scripts' digits, which DynamoDB refuses.
    [GeneratedRegex(@"\A-?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Grammar();
}
