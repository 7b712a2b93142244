using System.CommandLine;
using Academy.Catalog.Errors;
using Academy.Catalog.Roster;
using Academy.Catalog.Settings;
using Academy.Sandbox.Cli;

namespace Academy.Sandbox.Course;

/// <summary>
/// The options that turn a command into a course command: a roster (given, or academy:roster of the
/// --stack), one learner of it, and how many learners are worked on at once.
/// </summary>
public sealed class RosterOptions
{
    public Option<string?> Roster { get; } = new("--roster")
    {
        Description = "Act on every learner of this roster file (a --stack whose academy:roster names one does the same)",
        HelpName = "file",
        Validators = { result => PathOption.NotEmpty(result, "a roster file") },
    };

    public Option<string?> Learner { get; } = new("--learner")
    {
        Description = "With a roster: act on this one learner only",
        HelpName = "name",
    };

    public Option<int> Parallel { get; } = CountOption.Create(
        "--parallel", "With a roster: learners worked on at once, each with its own --concurrency (1 to 64)", 4);

    /// <summary>The options that choose the learners, which every hint of the command carries (see <see cref="Hints"/>).</summary>
    public IEnumerable<Option> Scope => [Roster, Learner];

    /// <summary>Adds --roster and --learner, and --parallel for commands that talk to an engine.</summary>
    public void AddTo(Command command, bool parallel)
    {
        command.Options.Add(Roster);
        command.Options.Add(Learner);
        if (parallel)
        {
            command.Options.Add(Parallel);
        }
    }

    /// <summary>The course and the learners to act on, or null when the command runs for one learner stack as before.</summary>
    public CourseSelection? Select(SandboxRun run, CatalogOptions catalog)
    {
        var result = run.Result;
        var file = result.GetValue(Roster);
        var learner = result.GetValue(Learner);
        if (file is null && result.GetValue(catalog.Stack) is null)
        {
            return learner is null ? null : throw NoRoster(learner);
        }

        // Warnings about the stack file go out once: here for a course, from the learner build otherwise.
        var probe = catalog.Config(result, TextWriter.Null);
        var fromStack = probe.Config.Get(ConfigKeys.Roster.Name);
        if (file is null && string.IsNullOrEmpty(fromStack))
        {
            return learner is null ? null : throw NoRoster(learner);
        }

        if (result.GetValue(catalog.User) is { } user)
        {
            throw new SandboxException(
                $"error: --user {Excerpt.Of(user)} names the one learner of a learner stack; a roster names its own learners, so pick one with --learner", ExitCodes.Usage);
        }

        var chosen = catalog.Config(result, run.Error);
        // A file on the command line is relative to where the command runs, as every shell path is.
        var course = CourseBuilder.Build(chosen.Config, chosen.Paths, file is null ? null : Path.GetFullPath(file));
        var source = $"{chosen.Source}, roster {course.Roster.Source}";
        if (learner is null)
        {
            return new CourseSelection(course, course.Learners, source);
        }

        var one = course.Find(learner) ?? throw new SandboxException(
            $"error: {course.Roster.Source} lists no learner '{Excerpt.Of(learner)}'; it lists {string.Join(", ", course.Learners.Take(20).Select(l => l.Name))}{(course.Learners.Count > 20 ? ", ..." : "")}",
            ExitCodes.Usage);
        return new CourseSelection(course, [one], source);
    }

    private static SandboxException NoRoster(string learner) => new(
        $"error: --learner {Excerpt.Of(learner)} picks a learner of a roster; give --roster FILE, or a --stack whose {ConfigKeys.Roster.FullKey} names one",
        ExitCodes.Usage);
}
