using System.Text.Json.Serialization;
using Academy.Sandbox.Cli;

namespace Academy.Sandbox.Course;

/// <summary>
/// The --json document of a command over a roster: each learner in roster order with its status and
/// either what the learner command's document would hold or the error that left it without one.
/// </summary>
public static class CourseJson
{
    public static void Write(TextWriter output, CourseSelection selection, string target, IReadOnlyList<LearnerOutcome> outcomes, IReadOnlyDictionary<string, object> results) =>
        JsonOutput.Write(output, new
        {
            Roster = selection.Course.Roster.Source,
            Config = selection.Source,
            Target = target,
            ExitCode = CourseRunner.ExitCode(outcomes),
            Learners = outcomes.Select(o => new Learner(
                o.Name,
                o.Status switch { LearnerStatus.Ok => "ok", LearnerStatus.Drifted => "drifted", _ => "failed" },
                results.GetValueOrDefault(o.Name),
                results.ContainsKey(o.Name) ? null : o.Summary)),
        });

    private sealed record Learner(
        string Name,
        string Status,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] object? Result,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error);
}
