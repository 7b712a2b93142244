using System.CommandLine;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Course;

namespace Academy.Sandbox.Commands.Up;

/// <summary>`up`: create missing tables and write the catalog's items.</summary>
public sealed class UpCommand : Command, IDocumentsExitCodes
{
    public UpCommand()
        : base("up", "Create missing tables and write the catalog's items; running it again changes nothing")
    {
        Catalog.AddTo(this);
        Roster.AddTo(this, parallel: true);
        Target.AddTo(this);
        Options.Add(Prune);
        Options.Add(Yes);
        Options.Add(Concurrency);
        Options.Add(Json);
        Validators.Add(result =>
        {
            if (UsageErrors.UnreadableOption(result))
            {
                return;
            }

            if (result.GetValue(Yes) && !result.GetValue(Prune))
            {
                result.AddError("--yes only confirms --prune; without --prune up deletes nothing");
            }
        });
        Action = new UpAction(this);
    }

    public CatalogOptions Catalog { get; } = new();

    public static (int Code, string Meaning) Done => (ExitCodes.Ok, "the tables hold the catalog's items");

    /// <summary>What a refusal (<see cref="SandboxException"/> with its default code) means here.</summary>
    public static (int Code, string Meaning) Refused => (ExitCodes.Failed, "refused, nothing written: a table's key differs from the catalog's, or --prune would empty a table or delete more than half of it without --yes");

    public IReadOnlyList<(int Code, string Meaning)> DocumentedExitCodes => [Done, Refused, CourseRunner.LearnerFailedHelp];

    public RosterOptions Roster { get; } = new();

    public TargetOptions Target { get; } = new();

    public Option<bool> Prune { get; } = new("--prune")
    {
        Description = "Delete items the catalog does not declare (without it they are kept and listed)",
    };

    public Option<bool> Yes { get; } = new("--yes")
    {
        Description = "With --prune: delete even when that empties a table or takes more than half of its items (refused without it)",
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print one JSON document with what was done per table (progress lines go to stderr)",
    };

    public Option<int> Concurrency { get; } =
        CountOption.Create("--concurrency", "BatchWriteItem requests in flight at once (1 to 64)", 4);
}
