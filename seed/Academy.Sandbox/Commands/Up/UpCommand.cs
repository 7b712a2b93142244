using System.CommandLine;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Course;

namespace Academy.Sandbox.Commands.Up;

/// <summary>`up`: create missing tables and write the catalog's items.</summary>
public sealed class UpCommand : Command
{
    public UpCommand()
        : base("up", "Create missing tables and write the catalog's items; running it again changes nothing")
    {
        Catalog.AddTo(this);
        Roster.AddTo(this, parallel: true);
        Target.AddTo(this);
        Options.Add(Prune);
        Options.Add(Concurrency);
        Action = new UpAction(this);
    }

    public CatalogOptions Catalog { get; } = new();

    public RosterOptions Roster { get; } = new();

    public TargetOptions Target { get; } = new();

    public Option<bool> Prune { get; } = new("--prune")
    {
        Description = "Delete items the catalog does not declare (without it they are kept and listed)",
    };

    public Option<int> Concurrency { get; } =
        CountOption.Create("--concurrency", "BatchWriteItem requests in flight at once (at least 1)", 4);
}
