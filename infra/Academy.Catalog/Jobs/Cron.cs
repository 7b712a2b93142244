using System.Globalization;
using Academy.Catalog.Errors;
using static Academy.Catalog.Errors.Shown;

namespace Academy.Catalog.Jobs;

/// <summary>
/// Checks a standard 5-field cron expression (minute hour day-of-month month day-of-week), the form
/// every scheduler the ETL might run on (cron, Airflow, EventBridge Scheduler's cron minus its year) reads.
/// </summary>
public static class Cron
{
    private static readonly Field[] Fields =
    [
        new("minute", 0, 59, []),
        new("hour", 0, 23, []),
        new("day-of-month", 1, 31, []),
        new("month", 1, 12, ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]),
        new("day-of-week", 0, 7, ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]),
    ];

    /// <summary>Null when <paramref name="expression"/> is a valid 5-field cron, else what is wrong.</summary>
    public static ErrorMessage? Check(string expression)
    {
        var parts = expression.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != Fields.Length)
        {
            var hint = expression.TrimStart().StartsWith('@')
                ? "macros such as @daily are not portable; write e.g. \"0 3 * * *\""
                : "write minute hour day-of-month month day-of-week, e.g. \"0 3 * * *\" (no seconds, no year)";
            return $"'{expression}' has {parts.Length} field{Words(parts.Length == 1 ? "" : "s")}, a cron needs 5: {Words(hint)}";
        }

        for (var i = 0; i < Fields.Length; i++)
        {
            if (CheckField(parts[i], Fields[i]) is { } problem)
            {
                return $"'{expression}': {Name(Fields[i].Name)} '{parts[i]}' {problem}";
            }
        }

        return null;
    }

    private static ErrorMessage? CheckField(string text, Field field)
    {
        foreach (var item in text.Split(','))
        {
            var slash = item.IndexOf('/');
            var range = slash >= 0 ? item[..slash] : item;
            if (slash >= 0 && (!int.TryParse(item[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var step) || step < 1))
            {
                return $"has a step that is not a positive whole number";
            }

            if (range == "*")
            {
                continue;
            }

            var dash = range.IndexOf('-');
            var low = Value(dash >= 0 ? range[..dash] : range, field);
            var high = dash >= 0 ? Value(range[(dash + 1)..], field) : low;
            if (low is null || high is null)
            {
                var names = field.Names.Length > 0 ? $" or {field.Names[0]}-{field.Names[^1]}" : "";
                return $"is not *, a number, a range a-b or a list of them; allowed values are {field.Min}-{field.Max}{Words(names)}";
            }

            if (low < field.Min || high > field.Max)
            {
                return $"is outside {field.Min}-{field.Max}";
            }

            if (low > high)
            {
                return $"has a range that runs backwards";
            }
        }

        return null;
    }

    private static int? Value(string text, Field field)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        var index = Array.FindIndex(field.Names, n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : index + field.Min;
    }

    private sealed record Field(string Name, int Min, int Max, string[] Names);
}
