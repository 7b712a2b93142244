using Academy.Sandbox.Cli;
using Academy.Sandbox.Up;

namespace Academy.Sandbox.Course;

/// <summary>`up` over a roster: every learner's tables and items, several learners at once.</summary>
public static class CourseUp
{
    public static async Task<int> RunAsync(SandboxRun run, CourseSelection selection, int parallel, int concurrency, bool prune, bool yes, bool json, CancellationToken ct)
    {
        var output = json ? run.Error : run.Output; // with --json stdout holds the document alone
        using var client = run.Target.CreateClient();
        output.WriteLine($"up: {selection.Describe} -> {run.Target.Describe}"
            + (selection.Learners.Count > 1 ? $" ({Math.Min(parallel, selection.Learners.Count)} learners at once)" : ""));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var results = new System.Collections.Concurrent.ConcurrentDictionary<string, UpResult>();
        var outcomes = await new CourseRunner(selection, output, run.Target).RunAsync(parallel, async (learner, details, token) =>
        {
            var result = await new UpRunner(client, details, concurrency, hints: run.Hints.ForLearner(learner.Name)) { PruneConfirmed = yes }.RunAsync(learner.Catalog, prune, token);
            results[learner.Name] = result;
            return (LearnerStatus.Ok, Summary(result));
        }, ct);

        var failed = outcomes.Count(o => o.Status != LearnerStatus.Ok);
        var all = results.Values.ToList();
        var created = all.Sum(r => r.Tables.Count(t => t.Created));
        output.WriteLine($"course: {outcomes.Count:N0} learner(s), {outcomes.Count - failed:N0} up, {failed:N0} failed; "
            + $"{created:N0} table(s) created, {all.Sum(r => r.Written):N0} written, {all.Sum(r => r.Unchanged):N0} unchanged, {all.Sum(r => r.Pruned):N0} pruned in {clock.Elapsed.TotalSeconds:0.00} s"
            + (failed > 0 ? $"; once what each failed learner's line says is resolved, {run.Hints.Command("up")} again retries only what is missing{(selection.Learners.Count > 1 ? " (add --learner NAME for one learner's details)" : "")}" : ""));
        if (json)
        {
            var documents = results.ToDictionary(kv => kv.Key, kv => UpJson.Document(kv.Key, run.Target.Describe, kv.Value));
            CourseJson.Write(run.Output, selection, run.Target.Describe, outcomes, documents);
        }

        return CourseRunner.ExitCode(outcomes);
    }

    private static string Summary(UpResult result)
    {
        var created = result.Tables.Count(t => t.Created);
        var skipped = result.Tables.Sum(t => t.SkippedSecret);
        var kept = result.Tables.Sum(t => t.KeptUndeclared.Count);
        return $"{result.Tables.Count} table(s){(created > 0 ? $" ({created} created)" : "")}, {result.Written:N0} written, {result.Unchanged:N0} unchanged, {result.Pruned:N0} pruned"
            + (skipped > 0 ? $", {skipped:N0} skipped (secret)" : "")
            + (kept > 0 ? $", {kept:N0} undeclared kept" : "")
            + (result.Retries > 0 ? $", {result.Retries:N0} retried" : "")
            + $" in {result.Elapsed.TotalSeconds:0.00} s";
    }
}
