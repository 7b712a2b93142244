using Academy.Catalog.Cost;

namespace Academy.Sandbox.Report;

/// <summary>How a learner's live tables stand against their catalog.</summary>
public enum LearnerState
{
    /// <summary>Every table exists and holds exactly what the catalog declares.</summary>
    InStep,

    /// <summary>Some tables exist, and something differs.</summary>
    Drifted,

    /// <summary>None of the learner's tables exist (counted as drift: `up` has not been run for them).</summary>
    NoTables,

    /// <summary>The engine refused a request for this learner.</summary>
    Failed,

    /// <summary>No DynamoDB answered.</summary>
    Unreachable,
}

/// <summary>One learner's line of the report.</summary>
/// <param name="MonthlyUsd">Their tables' estimate alone, before the free tier (which the account shares).</param>
/// <param name="Drift">What verify found; null when the learner failed before it could look.</param>
/// <param name="Error">Why the learner failed, as the roster commands print it.</param>
public sealed record LearnerReport(
    string Name,
    LearnerState State,
    int TablesDeclared,
    int ItemsDeclared,
    decimal MonthlyUsd,
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
    public int InStep => Learners.Count(l => l.State == LearnerState.InStep);

    public int Drifted => Learners.Count(l => l.State is LearnerState.Drifted or LearnerState.NoTables);

    public int Failed => Learners.Count(l => l.State is LearnerState.Failed or LearnerState.Unreachable);

    public int TablesDeclared => Learners.Sum(l => l.TablesDeclared);

    public int TablesPresent => Learners.Sum(l => l.Drift?.TablesPresent ?? 0);

    public int ItemsDeclared => Learners.Sum(l => l.ItemsDeclared);

    public int ItemsLive => Learners.Sum(l => l.Drift?.ItemsLive ?? 0);

    public int Differences => Learners.Sum(l => l.Drift?.Total ?? 0);
}
