using Academy.Sandbox.Cli;

namespace Academy.Sandbox.Report;

/// <summary>The report as one JSON document: each learner with their tables and differences, and the course's totals.</summary>
public static class ReportJson
{
    public static void Write(CourseReport report, TextWriter output) => JsonOutput.Write(output, new
    {
        report.Roster,
        report.Config,
        report.Target,
        Generated = report.Generated.ToString("O"),
        Learners = report.Learners.Select(Learner),
        Course = new
        {
            Learners = report.Learners.Count,
            report.CourseLearners,
            report.InStep,
            report.Drifted,
            report.Failed,
            report.TablesDeclared,
            report.TablesPresent,
            report.ItemsDeclared,
            report.ItemsLive,
            report.Differences,
            EstimatedMonthlyCostUsd = report.Cost?.MonthlyUsd,
            EstimatedCostBasis = report.Cost is { } cost ? $"{cost.Region} list prices as of {cost.PricesAsOf}; {cost.Basis}" : null,
        },
    });

    private static object Learner(LearnerReport learner) => new
    {
        learner.Name,
        Status = ReportWords.Token(learner.State),
        learner.Error,
        learner.TablesDeclared,
        TablesPresent = learner.Drift?.TablesPresent,
        learner.ItemsDeclared,
        ItemsLive = learner.Drift?.ItemsLive,
        Drift = learner.Drift is { } drift
            ? new { drift.Total, drift.Missing, drift.Differs, drift.Extra, drift.Settings }
            : null,
        Tables = learner.Drift?.Tables.Select(t => new { t.Key, t.Name, t.Exists, t.Declared, t.Live, t.Missing, t.Differs, t.Extra, t.Settings }),
        Differences = learner.Drift is { Total: > 0 } drifted ? drifted.Lines : null,
        EstimatedMonthlyCostUsd = learner.MonthlyUsd,
    };
}
