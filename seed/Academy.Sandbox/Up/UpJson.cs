namespace Academy.Sandbox.Up;

/// <summary>The `up --json` document of one learner, also embedded per learner in the course's.</summary>
public static class UpJson
{
    public static object Document(string user, string target, UpResult outcome) => new
    {
        User = user,
        Target = target,
        outcome.Written,
        outcome.Unchanged,
        outcome.Pruned,
        outcome.Retries,
        outcome.ChangedNothing,
        Seconds = Math.Round(outcome.Elapsed.TotalSeconds, 2),
        outcome.Tables,
    };
}
