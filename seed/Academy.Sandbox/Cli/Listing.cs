using Academy.Catalog.Errors;

namespace Academy.Sandbox.Cli;

/// <summary>Long listings in text output: the first few lines, then how many more of each kind (--json lists them all).</summary>
public static class Listing
{
    public const int Shown = 20;

    /// <summary>Up to <see cref="Shown"/> entries, then one line counting the rest per kind; null when nothing was left out.</summary>
    public static (IReadOnlyList<T> Shown, string? More) Cap<T>(IReadOnlyList<T> entries, Func<T, string> kind)
    {
        if (entries.Count <= Shown)
        {
            return (entries, null);
        }

        var rest = entries.Skip(Shown).GroupBy(kind).Select(g => $"{g.Count():N0} {g.Key}");
        return (entries.Take(Shown).ToList(), $"... and {entries.Count - Shown:N0} more ({string.Join(", ", rest)}); --json lists every one");
    }

    /// <summary>Names (read from tables or files, so escaped) joined with commas, at most <see cref="Shown"/> of them, e.g. "a, b, ... (1,234 more)".</summary>
    public static string Names(IReadOnlyList<string> names) =>
        names.Count <= Shown
            ? string.Join(", ", names.Select(Excerpt.Escape))
            : $"{string.Join(", ", names.Take(Shown).Select(Excerpt.Escape))}, ... ({names.Count - Shown:N0} more)";
}
