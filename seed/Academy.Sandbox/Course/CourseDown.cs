using Academy.Sandbox.Cli;
using Academy.Sandbox.Down;

namespace Academy.Sandbox.Course;

/// <summary>`down` over a roster: every selected learner's tables deleted, several learners at once (the course's teardown).</summary>
public static class CourseDown
{
    public static async Task<int> RunAsync(SandboxRun run, CourseSelection selection, string? only, int parallel, CancellationToken ct)
    {
        var output = run.Output;
        using var client = run.Target.CreateClient();
        output.WriteLine($"down: {selection.Describe} at {run.Target.Describe}"
            + (selection.Learners.Count > 1 ? $" ({Math.Min(parallel, selection.Learners.Count)} learners at once)" : ""));
        var deletedTables = 0;
        var outcomes = await new CourseRunner(selection, output, run.Target).RunAsync(parallel, async (learner, details, token) =>
        {
            var deleted = await DownRunner.RunAsync(client, learner.Catalog, only, details, token);
            Interlocked.Add(ref deletedTables, deleted.Count);
            return (LearnerStatus.Ok, deleted.Count == 0 ? $"nothing deleted: {(only is null ? "none of the learner's tables exists" : $"its {only} table does not exist")}" : $"deleted {deleted.Count} table(s)");
        }, ct);

        var failed = outcomes.Count(o => o.Status != LearnerStatus.Ok);
        output.WriteLine($"course: {outcomes.Count:N0} learner(s), {outcomes.Count - failed:N0} done, {failed:N0} failed; {deletedTables:N0} table(s) deleted"
            + (failed > 0 ? $"; {run.Hints.Command("down", only is null ? [] : ["--table", only])} again deletes only what is still there{(selection.Learners.Count > 1 ? " (add --learner NAME for one learner's details)" : "")}" : ""));
        return CourseRunner.ExitCode(outcomes);
    }
}
