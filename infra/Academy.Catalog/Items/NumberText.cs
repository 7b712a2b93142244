using Academy.Catalog.Errors;

namespace Academy.Catalog.Items;

/// <summary>
/// DynamoDB's number rules, applied to the decimal text as written: numbers travel as text end to
/// end, so a 38-digit value is never squeezed through a double.
/// </summary>
public static class NumberText
{
    public const int MaxSignificantDigits = 38;
    public const int MaxExponent = 125;
    public const int MinExponent = -130;

    /// <summary>Null when DynamoDB accepts the text as a number, else why not.</summary>
    public static ErrorMessage? Check(string text)
    {
        if (!TryParts(text, out var digits, out var exponent))
        {
            return $"'{text}' is not a number";
        }

        var significant = digits.TrimStart('0');
        if (significant.Length == 0)
        {
            return null;
        }

        // Scientific exponent of the first significant digit.
        var magnitude = exponent + significant.Length - 1;
        significant = significant.TrimEnd('0');
        if (significant.Length > MaxSignificantDigits)
        {
            return $"{text} has {significant.Length} significant digits; DynamoDB keeps at most {MaxSignificantDigits}";
        }

        if (magnitude is > MaxExponent or < MinExponent)
        {
            return $"{text} is outside DynamoDB's range of 1E{MinExponent} to 9.99E+{MaxExponent}";
        }

        return null;
    }

    /// <summary>Significant digits after trimming leading and trailing zeroes (what DynamoDB stores).</summary>
    public static int SignificantDigits(string text) =>
        TryParts(text, out var digits, out _) ? digits.Trim('0').Length : text.Length;

    // Splits "-12.50e3" into the digits "1250" and the exponent of the last digit (3 - 2 = 1).
    private static bool TryParts(string text, out string digits, out long exponent)
    {
        digits = "";
        exponent = 0;
        var span = text.AsSpan();
        if (span.Length > 0 && (span[0] == '-' || span[0] == '+'))
        {
            span = span[1..];
        }

        var e = span.IndexOfAny('e', 'E');
        var mantissa = e >= 0 ? span[..e] : span;
        if (e >= 0)
        {
            var exp = span[(e + 1)..];
            if (!long.TryParse(exp, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out exponent)
                || Math.Abs(exponent) > 10_000)
            {
                return false;
            }
        }

        var dot = mantissa.IndexOf('.');
        var whole = dot >= 0 ? mantissa[..dot] : mantissa;
        var fraction = dot >= 0 ? mantissa[(dot + 1)..] : [];
        if (whole.Length + fraction.Length == 0 || !AllDigits(whole) || !AllDigits(fraction))
        {
            return false;
        }

        digits = string.Concat(whole, fraction);
        exponent -= fraction.Length;
        return true;
    }

    private static bool AllDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
