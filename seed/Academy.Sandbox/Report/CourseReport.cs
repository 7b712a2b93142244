using Academy.Catalog.Cost;

namespace Academy.Sandbox.Report;

/// <summary>How a learner's live tables stand against their catalog.</summary>
public enum LearnerState
{
    /// <summary>Every table exists and holds exactly what the catalog declares.</summary>
    InStep,

    /// <summary>Some tables exist, and something differs.</summary>
    Drifted,

    /// <summary>None of the learner's tables exist: `up` has not been run for them.</summary>
    NoTables,

    /// <summary>The engine refused a request for this learner.</summary>
    Failed,

    /// <summary>No DynamoDB answered.</summary>
    Unreachable,
}

/// <summary>One learner's line of the report.</summary>
/// <param name="Counts">Every number of the learner's row; see <see cref="ReportCounts.Of"/>.</param>
/// <param name="Drift">What verify found; null when the learner failed before it could look.</param>
/// <param name="Error">Why the learner failed, as the roster commands print it.</param>
public sealed record LearnerReport(
    string Name,
    LearnerState State,
    int TablesDeclared,
    int ItemsDeclared,
    ReportCounts Counts,
    LearnerDrift? Drift,
    string? Error)
{
    public bool NeedsAttention => State != LearnerState.InStep;
}

/// <summary>Every selected learner in roster order, and the course's totals.</summary>
/// <param name="Cost">The whole course with the free tier deducted once; null when the report covers one learner of several.</param>
public sealed record CourseReport(
    string Roster,
    string Config,
    string Target,
    DateTimeOffset Generated,
    int CourseLearners,
    IReadOnlyList<LearnerReport> Learners,
    CostEstimate? Cost)
{
    public int InStep => Count(LearnerState.InStep);

    public int Drifted => Count(LearnerState.Drifted);

    public int NoTables => Count(LearnerState.NoTables);

    public int Failed => Learners.Count(l => l.State is LearnerState.Failed or LearnerState.Unreachable);

    /// <summary>The course's numbers: the learners' rows added up, nothing counted another way.</summary>
    public ReportCounts Totals => Learners.Aggregate(ReportCounts.Zero, (sum, l) => sum + l.Counts);

    /// <summary>The whole course to the cent: the learners' own tables less the free tier, which the account has once.</summary>
    public decimal? CourseMonthlyUsd => Cost is null ? null : Totals.MonthlyUsd - FreeTierUsd;

    /// <summary>
    /// What the free tier takes off the learners' sum: the difference to the course's estimate, so the
    /// three money figures add up to the cent (never below zero, where rounding fractions of a cent
    /// per learner could put it).
    /// </summary>
    public decimal? FreeTierUsd => Cost is { } cost
        ? Math.Max(0m, Totals.MonthlyUsd - ReportCounts.Cents(cost.MonthlyUsd))
        : null;

    private int Count(LearnerState state) => Learners.Count(l => l.State == state);
}
