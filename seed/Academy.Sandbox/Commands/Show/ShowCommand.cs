using System.CommandLine;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Course;

namespace Academy.Sandbox.Commands.Show;

/// <summary>`show`: what the ETL reads from the live tables.</summary>
public sealed class ShowCommand : Command, IDocumentsExitCodes
{
    public ShowCommand()
        : base("show", "Read the live tables back and print what the ETL sees: global settings and each job's resolved URLs")
    {
        Catalog.AddTo(this);
        Roster.AddTo(this, parallel: true);
        Target.AddTo(this);
        Options.Add(Json);
        Action = new ShowAction(this);
    }

    public CatalogOptions Catalog { get; } = new();

    public static (int Code, string Meaning) Readable => (ExitCodes.Ok, "the ETL can read every source and job");

    public static (int Code, string Meaning) Problems => (ExitCodes.Drift, "problems the ETL would stop at were found (each printed with its item)");

    public static (int Code, string Meaning) TableMissing => (ExitCodes.Failed, "a table does not exist (create it with up), or one is keyed otherwise than the catalog declares");

    public IReadOnlyList<(int Code, string Meaning)> DocumentedExitCodes => [Readable, Problems, TableMissing, CourseRunner.LearnerFailedHelp];

    public RosterOptions Roster { get; } = new();

    public TargetOptions Target { get; } = new();

    public Option<bool> Json { get; } = new("--json") { Description = "Print one JSON document instead of text" };
}
