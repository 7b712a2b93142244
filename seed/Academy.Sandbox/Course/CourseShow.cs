using System.Text.Json.Serialization;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Show;

namespace Academy.Sandbox.Course;

/// <summary>`show` over a roster: what each learner's ETL reads, one line each (all of it for --learner).</summary>
public static class CourseShow
{
    public static async Task<int> RunAsync(SandboxRun run, CourseSelection selection, int parallel, bool json, CancellationToken ct)
    {
        using var client = run.Target.CreateClient();
        var output = json ? TextWriter.Null : run.Output;
        output.WriteLine($"show: {selection.Describe} at {run.Target.Describe}");
        var views = new EtlView?[selection.Learners.Count];
        var index = selection.Learners.Select((l, i) => (l.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        var outcomes = await new CourseRunner(selection, output, run.Target) { DriftedLabel = "problem" }.RunAsync(parallel, async (learner, details, token) =>
        {
            var hints = run.Hints.ForLearner(learner.Name);
            var view = await ShowRunner.ReadAsync(client, learner.Catalog, run.Target, hints, token);
            views[index[learner.Name]] = view;
            ShowPrinter.Text(view, hints, details);
            // Problems the ETL would stop at are what `show` exits 1 for, for one learner as for a course.
            return (view.ProblemCount == 0 ? LearnerStatus.Ok : LearnerStatus.Drifted, Summary(view, selection.Learners.Count > 1 ? hints : null));
        }, ct);

        var failed = outcomes.Count(o => o.Status is LearnerStatus.Failed or LearnerStatus.Unreachable);
        var stopping = outcomes.Count(o => o.Status == LearnerStatus.Drifted);
        output.WriteLine($"course: {outcomes.Count:N0} learner(s), {outcomes.Count - failed:N0} read{(stopping > 0 ? $" ({stopping:N0} with problems the ETL would stop at)" : "")}, {failed:N0} failed");
        if (json)
        {
            Json(selection, outcomes, views, run.Output);
        }

        return CourseRunner.ExitCode(outcomes);
    }

    // Over several learners, the problems are listed by that learner's own show, which the line names.
    private static string Summary(EtlView view, Hints? learnerHints)
    {
        var jobs = view.Sources.SelectMany(s => s.Jobs).ToList();
        var problems = view.ProblemCount;
        return $"{view.Sources.Count} source(s), {jobs.Count} job(s) ({jobs.Count(j => j.Enabled == true)} enabled)"
            + (problems > 0 ? $", {problems} problem(s) the ETL would hit{(learnerHints is null ? "" : $" ({learnerHints.Command("show")} lists them)")}" : "");
    }

    // One document: each learner's view as the learner command prints it, or the reason it has none.
    private static void Json(CourseSelection selection, IReadOnlyList<LearnerOutcome> outcomes, EtlView?[] views, TextWriter output) =>
        JsonOutput.Write(output, new
        {
            Roster = selection.Course.Roster.Source,
            Learners = outcomes.Select((outcome, i) => new CourseShowLearner(
                outcome.Name,
                outcome.Status switch { LearnerStatus.Ok => "ok", LearnerStatus.Drifted => "problems", _ => "failed" },
                views[i] is { } view ? ShowPrinter.Document(view) : null,
                views[i] is null ? outcome.Summary : null)),
        });

    // A learner's view, or the error that left it without one: never both.
    private sealed record CourseShowLearner(
        string Name,
        string Status,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] object? View,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error);
}
