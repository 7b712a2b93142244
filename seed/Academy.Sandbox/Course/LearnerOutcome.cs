namespace Academy.Sandbox.Course;

public enum LearnerStatus
{
    Ok,

    /// <summary>verify found differences between the live tables and the learner's catalog.</summary>
    Drifted,

    /// <summary>The engine refused a request or the learner's tables conflict with their catalog.</summary>
    Failed,

    /// <summary>No DynamoDB answered.</summary>
    Unreachable,
}

/// <summary>What a command did for one learner: a summary line, and the per-learner output behind it.</summary>
public sealed record LearnerOutcome(string Name, LearnerStatus Status, string Summary, string Details)
{
    /// <summary>Left undone because no DynamoDB answered for another learner (counted in one line, not printed one by one).</summary>
    public bool NotTried { get; init; }
}
