using System.Globalization;

namespace Academy.Sandbox.Report;

/// <summary>The words and number formats the text, JSON and HTML reports share, so they read alike.</summary>
public static class ReportWords
{
    public static string State(LearnerState state) => state switch
    {
        LearnerState.InStep => "in step",
        LearnerState.Drifted => "drifted",
        LearnerState.NoTables => "no tables",
        LearnerState.Unreachable => "unreachable",
        _ => "FAILED",
    };

    /// <summary>The state as a JSON value or CSS class: in-step, drifted, no-tables, failed, unreachable.</summary>
    public static string Token(LearnerState state) => State(state).ToLowerInvariant().Replace(' ', '-');

    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"2/2": what exists of what is declared.</summary>
    public static string OfDeclared(int? live, int declared) => $"{(live is { } n ? Count(n) : "?")}/{Count(declared)}";

    /// <summary>Dollars to the cent, as a bill shows them.</summary>
    public static string Usd(decimal value) => "$" + ReportCounts.Cents(value).ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string Totals(CourseReport report)
    {
        var totals = report.Totals;
        return $"{Count(report.Learners.Count)} learner(s): {Count(report.InStep)} in step, {Count(report.Drifted)} drifted, {Count(report.NoTables)} without tables, {Count(report.Failed)} failed; "
            + $"{OfDeclared(totals.TablesPresent, totals.TablesDeclared)} tables and {OfDeclared(totals.ItemsPresent, totals.ItemsDeclared)} items present/declared, {Count(totals.Differences)} difference(s)";
    }

    public static string CourseCost(CourseReport report) => report is { CourseMonthlyUsd: { } course, FreeTierUsd: { } free }
        ? $"the learners' own tables {Usd(report.Totals.MonthlyUsd)} a month, less the account's free tier once {Usd(free)}: about {Usd(course)} a month for the whole course of {Count(report.CourseLearners)}"
        : $"one learner of {Count(report.CourseLearners)}: the course's cost is in the report over all learners";

    /// <summary>How the differences column adds up, for the legend under the table.</summary>
    public const string DifferencesAre = "differences = tables missing + items missing + items that differ + extra items + table settings that differ";
}
