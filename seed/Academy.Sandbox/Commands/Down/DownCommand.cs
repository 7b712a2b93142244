using System.CommandLine;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Course;

namespace Academy.Sandbox.Commands.Down;

/// <summary>`down`: delete the learner's tables to start over.</summary>
public sealed class DownCommand : Command, IDocumentsExitCodes
{
    public const string ConfirmAwsName = "--yes-delete-aws-tables";

    public DownCommand()
        : base("down", "Delete the learner's tables and every item in them, to start over (with --aws only together with " + ConfirmAwsName + ")")
    {
        Catalog.AddTo(this);
        Roster.AddTo(this, parallel: true);
        Target.AddTo(this);
        Options.Add(Table);
        Options.Add(ConfirmAws);
        Action = new DownAction(this);
    }

    public CatalogOptions Catalog { get; } = new();

    public RosterOptions Roster { get; } = new();

    public static (int Code, string Meaning) Deleted => (ExitCodes.Ok, "the learner's tables are gone (or none of them existed)");

    public static (int Code, string Meaning) NotConfirmed => (ExitCodes.Failed, $"--aws without {ConfirmAwsName} (nothing was deleted), or a table was still being deleted when down stopped waiting");

    public IReadOnlyList<(int Code, string Meaning)> DocumentedExitCodes => [Deleted, NotConfirmed, CourseRunner.LearnerFailedHelp];

    public TargetOptions Target { get; } = new();

    /// <summary>One table of the learner's: the way out for a table whose keys are not the catalog's, which keeps the other.</summary>
    public Option<string?> Table { get; } = new("--table")
    {
        Description = "Delete only this table of the learner's (its key in tables.json: global, jobs), leaving the other as it is",
        HelpName = "table",
    };

    public Option<bool> ConfirmAws { get; } = new(ConfirmAwsName)
    {
        Description = "Confirm that --aws deletes the tables in your AWS account",
    };
}
