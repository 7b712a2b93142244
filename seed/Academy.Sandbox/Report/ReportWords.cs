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

    /// <summary>Dollars with as many decimals as a few items' request charges need.</summary>
    public static string Usd(decimal value) => "$" + value.ToString("0.00####", CultureInfo.InvariantCulture);

    public static string Totals(CourseReport report) =>
        $"{Count(report.Learners.Count)} learner(s): {Count(report.InStep)} in step, {Count(report.Drifted)} drifted, {Count(report.Failed)} failed; "
        + $"{OfDeclared(report.TablesPresent, report.TablesDeclared)} tables and {OfDeclared(report.ItemsLive, report.ItemsDeclared)} items live/declared, {Count(report.Differences)} difference(s)";

    public static string CourseCost(CourseReport report) => report.Cost is { } cost
        ? $"about {Usd(cost.MonthlyUsd)} a month for the whole course of {Count(report.CourseLearners)}, the free tier deducted once"
        : $"one learner of {Count(report.CourseLearners)}: the course's cost is in the report over all learners";
}
