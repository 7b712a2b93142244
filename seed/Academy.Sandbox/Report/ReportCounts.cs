namespace Academy.Sandbox.Report;

/// <summary>
/// The numbers the report shows for one learner or for the course. The course's are the learners'
/// added up with <see cref="op_Addition"/>, and the text, JSON and HTML all print these, so every
/// total on any page is the sum of the rows above it.
/// </summary>
/// <param name="ItemsPresent">Declared items the tables hold (an extra item is not one of them).</param>
/// <param name="Missing">Declared items the tables do not hold, those of a missing table included.</param>
/// <param name="MonthlyUsd">The learner's own tables alone, to the cent, before the account's free tier.</param>
public sealed record ReportCounts(
    int TablesDeclared,
    int TablesPresent,
    int ItemsDeclared,
    int ItemsPresent,
    int Missing,
    int Differs,
    int Extra,
    int Settings,
    decimal MonthlyUsd)
{
    public static readonly ReportCounts Zero = new(0, 0, 0, 0, 0, 0, 0, 0, 0m);

    public int TablesMissing => TablesDeclared - TablesPresent;

    /// <summary>Everything `up` (with `--prune` for extras) would change: each column of the report once.</summary>
    public int Differences => TablesMissing + Missing + Differs + Extra + Settings;

    /// <summary>What a learner's verify found; a learner that could not be read shows only what is declared and its cost.</summary>
    public static ReportCounts Of(LearnerDrift? drift, int tablesDeclared, int itemsDeclared, decimal monthlyUsd)
    {
        var cents = Cents(monthlyUsd);
        return drift is null
            ? Zero with { MonthlyUsd = cents }
            : new(tablesDeclared, drift.TablesPresent, itemsDeclared, drift.ItemsPresent, drift.Missing, drift.Differs, drift.Extra, drift.Settings, cents);
    }

    /// <summary>Money is shown to the cent; rounding each learner first makes the course's sum the sum of the rows.</summary>
    public static decimal Cents(decimal usd) => Math.Round(usd, 2, MidpointRounding.AwayFromZero);

    public static ReportCounts operator +(ReportCounts a, ReportCounts b) => new(
        a.TablesDeclared + b.TablesDeclared,
        a.TablesPresent + b.TablesPresent,
        a.ItemsDeclared + b.ItemsDeclared,
        a.ItemsPresent + b.ItemsPresent,
        a.Missing + b.Missing,
        a.Differs + b.Differs,
        a.Extra + b.Extra,
        a.Settings + b.Settings,
        a.MonthlyUsd + b.MonthlyUsd);
}
