using Academy.Sandbox.Cli;

namespace Academy.Sandbox.Report;

/// <summary>
/// The report as one JSON document: each learner with their tables and differences, and the course's
/// totals, which are the learners' numbers added up (<see cref="ReportCounts"/>); money to the cent.
/// </summary>
public static class ReportJson
{
    /// <param name="exitCode">The command's exit code, in the document as in every course command's (<c>exitCode</c>).</param>
    public static void Write(CourseReport report, int exitCode, TextWriter output) => JsonOutput.Write(output, new
    {
        report.Roster,
        report.Config,
        report.Target,
        ExitCode = exitCode,
        Generated = report.Generated.ToString("O"),
        Learners = report.Learners.Select(Learner),
        Course = new
        {
            Learners = report.Learners.Count,
            report.CourseLearners,
            report.InStep,
            report.Drifted,
            report.NoTables,
            report.Failed,
            Counts = Counts(report.Totals),
            OwnTablesMonthlyUsd = report.Totals.MonthlyUsd,
            FreeTierMonthlyUsd = report.FreeTierUsd,
            EstimatedMonthlyCostUsd = report.CourseMonthlyUsd,
            EstimatedCostBasis = report.Cost is { } cost ? $"{cost.Region} list prices as of {cost.PricesAsOf}; {cost.Basis}" : null,
        },
    });

    private static object Learner(LearnerReport learner) => new
    {
        learner.Name,
        Status = ReportWords.Token(learner.State),
        learner.Error,
        Counts = learner.Drift is null ? null : Counts(learner.Counts),
        Tables = learner.Drift?.Tables.Select(t => new { t.Key, t.Name, t.Exists, t.Declared, t.Present, t.Live, t.Missing, t.Differs, t.Extra, t.Settings }),
        Differences = learner.Drift is { Total: > 0 } drifted ? drifted.Lines : null,
        EstimatedMonthlyCostUsd = learner.Counts.MonthlyUsd,
    };

    // The same names and order as the text report's columns.
    private static object Counts(ReportCounts n) => new
    {
        n.TablesDeclared,
        n.TablesPresent,
        n.ItemsDeclared,
        n.ItemsPresent,
        n.TablesMissing,
        n.Missing,
        n.Differs,
        n.Extra,
        n.Settings,
        n.Differences,
    };
}
