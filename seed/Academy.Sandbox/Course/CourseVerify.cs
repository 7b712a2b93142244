using Academy.Sandbox.Cli;
using Academy.Sandbox.Verify;

namespace Academy.Sandbox.Course;

/// <summary>`verify` over a roster: every learner's live tables against their catalog; drift is listed under the learner.</summary>
public static class CourseVerify
{
    public static async Task<int> RunAsync(SandboxRun run, CourseSelection selection, int parallel, bool json, CancellationToken ct)
    {
        var output = json ? TextWriter.Null : run.Output; // with --json stdout holds the document alone
        var reports = new System.Collections.Concurrent.ConcurrentDictionary<string, object>();
        var drifts = new System.Collections.Concurrent.ConcurrentBag<VerifyReport>();
        using var client = run.Target.CreateClient();
        output.WriteLine($"verify: {selection.Describe} at {run.Target.Describe}");
        var outcomes = await new CourseRunner(selection, output, run.Target).RunAsync(parallel, async (learner, details, token) =>
        {
            var report = await VerifyRunner.RunAsync(client, learner.Catalog, run.Target.Describe, token);
            reports[learner.Name] = VerifyPrinter.Document(report);
            WriteListing(report, run.Hints.ForLearner(learner.Name), details);
            var drift = report.Drift;
            if (drift > 0)
            {
                drifts.Add(report);
            }

            return drift == 0
                ? (LearnerStatus.Ok, $"in step: {learner.Catalog.Tables.Count} table(s), {learner.Catalog.Items.Count:N0} item(s)")
                : (LearnerStatus.Drifted, $"drift: {drift:N0} difference(s)");
        }, ct);

        var drifted = outcomes.Count(o => o.Status == LearnerStatus.Drifted);
        var failed = outcomes.Count(o => o.Status is LearnerStatus.Failed or LearnerStatus.Unreachable);
        output.WriteLine($"course: {outcomes.Count:N0} learner(s), {outcomes.Count - drifted - failed:N0} in step, {drifted:N0} drifted, {failed:N0} failed"
            + (drifted > 0 ? $"; {VerifyPrinter.WhatFixesIt(drifts, run.Hints)}" : ""));
        if (json)
        {
            CourseJson.Write(run.Output, selection, run.Target.Describe, outcomes, reports);
        }

        return CourseRunner.ExitCode(outcomes);
    }

    // The learner's listing as `verify` prints it, without its heading and closing line, which the
    // course's summary line says per learner.
    private static void WriteListing(VerifyReport report, Hints hints, TextWriter details)
    {
        var text = new StringWriter();
        VerifyPrinter.Text(report, hints, text);
        var lines = text.ToString().Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        foreach (var line in lines.Count > 2 ? lines[1..^1] : [])
        {
            details.WriteLine(line);
        }
    }
}
