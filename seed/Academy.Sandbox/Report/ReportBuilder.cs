using Academy.Catalog.Cost;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Course;

namespace Academy.Sandbox.Report;

/// <summary>Verifies every selected learner, several at once (as `verify --roster` does), and gathers the report.</summary>
public static class ReportBuilder
{
    /// <summary>The report, and the exit code the roster commands would give: 0 all in step, 3 no engine answered, else 1.</summary>
    public static async Task<(CourseReport Report, int ExitCode)> BuildAsync(SandboxRun run, CourseSelection selection, int parallel, CancellationToken ct)
    {
        using var client = run.Target.CreateClient();
        var learners = selection.Learners;
        var drifts = new LearnerDrift?[learners.Count];
        var index = learners.Select((l, i) => (l.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);

        // The runner's one line per learner is not the report's table, so it prints nowhere.
        var outcomes = await new CourseRunner(selection, TextWriter.Null, run.Target).RunAsync(parallel, async (learner, _, token) =>
        {
            var drift = await VerifyDrift.ReadAsync(client, learner.Catalog, run.Target.Describe, token);
            drifts[index[learner.Name]] = drift;
            return (drift.Total == 0 ? LearnerStatus.Ok : LearnerStatus.Drifted, "");
        }, ct);

        var rows = learners.Select((learner, i) =>
        {
            var drift = drifts[i];
            var state = outcomes[i].Status switch
            {
                LearnerStatus.Ok => LearnerState.InStep,
                LearnerStatus.Drifted when drift is { TablesPresent: 0 } => LearnerState.NoTables,
                LearnerStatus.Drifted => LearnerState.Drifted,
                LearnerStatus.Unreachable => LearnerState.Unreachable,
                _ => LearnerState.Failed,
            };
            var catalog = learner.Catalog;
            return new LearnerReport(
                learner.Name,
                state,
                catalog.Tables.Count,
                catalog.Items.Count,
                ReportCounts.Of(drift, catalog.Tables.Count, catalog.Items.Count, CostEstimator.Estimate(catalog.Tables, catalog.Items).MonthlyUsd),
                drift,
                drift is null ? outcomes[i].Summary : null);
        }).ToList();

        var report = new CourseReport(
            selection.Course.Roster.Source,
            selection.Source,
            run.Target.Describe,
            DateTimeOffset.UtcNow,
            selection.Course.Learners.Count,
            rows,
            selection.OneLearner ? null : selection.Course.Cost);
        return (report, CourseRunner.ExitCode(outcomes));
    }
}
