using System.Globalization;
using System.Text;
using System.Text.Json;
using Academy.Catalog.Errors;
using static Academy.Catalog.Errors.Shown;

namespace Academy.Catalog.Naming;

/// <summary>
/// DynamoDB's tagging restrictions (Developer Guide, "Tagging restrictions in DynamoDB"), checked
/// here so a bad tag fails the plan, not a deployment halfway through. The same tags go on the IAM
/// policies, whose rules are the same but for also allowing '@': DynamoDB's narrower set is the one kept.
/// </summary>
public static class TagRules
{
    /// <summary>Unicode characters, not UTF-16 units: a letter outside the BMP counts once.</summary>
    public const int MaxKeyLength = 128;

    public const int MaxValueLength = 256;

    /// <summary>Per table, the default tags included; tags AWS itself assigns (aws:...) do not count.</summary>
    public const int MaxTags = 50;

    public const string AllowedWords = "letters, digits, spaces and + - = . _ : /";

    private const string ReservedPrefix = "aws:";

    private const string Symbols = "+-=._:/";

    public static ErrorMessage? Check(string key, JsonElement value)
    {
        if (Characters(key) is 0 or > MaxKeyLength)
        {
            return $"keys are 1 to {MaxKeyLength} characters";
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return $"values must be strings";
        }

        var text = value.GetString()!;
        if (key.StartsWith(ReservedPrefix, StringComparison.OrdinalIgnoreCase) || text.StartsWith(ReservedPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return $"the {Words(ReservedPrefix)} prefix is reserved by AWS";
        }

        if (Characters(text) > MaxValueLength)
        {
            return $"values are at most {MaxValueLength} characters";
        }

        // The key is a name and shown; a character of the value is a value, masked when the key is secret.
        if (Outside(key) is { } inKey)
        {
            return $"the key has {Words(Describe(inKey))}; DynamoDB allows only {Words(AllowedWords)} in tags";
        }

        if (Outside(text) is { } inValue)
        {
            return $"the value has {Describe(inValue)}; DynamoDB allows only {Words(AllowedWords)} in tags";
        }

        return null;
    }

    /// <summary>Null when <paramref name="count"/> tags fit on a table, else why not.</summary>
    public static ErrorMessage? CheckCount(int count, int fromConfig, IEnumerable<string> defaults)
    {
        if (count <= MaxTags)
        {
            return null;
        }

        return $"a table would carry {count} tags ({fromConfig} from academy:tags, {count - fromConfig} default: {Names(defaults)}); DynamoDB allows at most {MaxTags} per table";
    }

    private static int Characters(string text) => text.EnumerateRunes().Count();

    // Letters, numbers and separators of any script (spaces; not tabs or line breaks, which are
    // control characters) and seven symbols, as AWS's tag patterns spell them: [\p{L}\p{Z}\p{N}_.:/=+\-].
    // By rune, so a letter outside the BMP is one letter, not two surrogates.
    private static Rune? Outside(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            var allowed = Rune.IsLetter(rune) || Rune.IsNumber(rune)
                || Rune.GetUnicodeCategory(rune) is UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                || (rune.IsAscii && Symbols.Contains((char)rune.Value, StringComparison.Ordinal));
            if (!allowed)
            {
                return rune;
            }
        }

        return null;
    }

    private static string Describe(Rune rune) =>
        Rune.IsControl(rune) || Rune.IsWhiteSpace(rune)
            ? $"U+{rune.Value:X4}"
            : $"'{rune}' (U+{rune.Value:X4})";
}
