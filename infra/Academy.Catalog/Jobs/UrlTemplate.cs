using System.Text;
using Academy.Catalog.Errors;
using static Academy.Catalog.Errors.Shown;

namespace Academy.Catalog.Jobs;

/// <summary>
/// Templates such as "{method}{host}{port}/{prefix}": every {name} is replaced by a value looked up
/// by name, inserted as is (values are not templates themselves, so nothing expands twice).
/// </summary>
internal static class UrlTemplate
{
    /// <summary>The placeholder names in order of appearance, or null after reporting a syntax problem.</summary>
    public static IReadOnlyList<string>? Placeholders(string template, Action<ErrorMessage> report)
    {
        var names = new List<string>();
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOfAny(['{', '}'], i);
            if (open < 0)
            {
                break;
            }

            if (template[open] == '}')
            {
                report($"has a '}}' at position {open + 1} without a '{{' before it");
                return null;
            }

            var close = template.IndexOf('}', open + 1);
            if (close < 0)
            {
                report($"has a '{{' at position {open + 1} that is never closed");
                return null;
            }

            var name = template[(open + 1)..close];
            if (!IsName(name))
            {
                report($"has placeholder '{{{name}}}'; a placeholder is an attribute name of letters, digits and _ in braces, e.g. {{host}}");
                return null;
            }

            names.Add(name);
            i = close + 1;
        }

        return names;
    }

    /// <summary>
    /// Fills the template, or reports every placeholder <paramref name="lookup"/> cannot fill (by
    /// name, with what <paramref name="known"/> offers) and returns null.
    /// </summary>
    public static string? Fill(string template, Func<string, string?> lookup, IEnumerable<string> known, Action<ErrorMessage> report)
    {
        if (Placeholders(template, report) is not { } names)
        {
            return null;
        }

        var unknown = names.Where(n => lookup(n) is null).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            var knownList = Names(known.Order(StringComparer.Ordinal).Select(k => $"{{{k}}}"));
            foreach (var name in unknown)
            {
                report($"placeholder {{{name}}} cannot be filled: no string or number attribute '{name}'; fix the placeholder or add the attribute (can be filled: {knownList})");
            }

            return null;
        }

        var result = new StringBuilder();
        var last = 0;
        foreach (var name in names)
        {
            var token = $"{{{name}}}";
            var position = template.IndexOf(token, last, StringComparison.Ordinal);
            result.Append(template, last, position - last).Append(lookup(name));
            last = position + token.Length;
        }

        return result.Append(template, last, template.Length - last).ToString();
    }

    private static bool IsName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
