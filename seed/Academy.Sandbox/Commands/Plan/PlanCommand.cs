using System.CommandLine;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Course;

namespace Academy.Sandbox.Commands.Plan;

/// <summary>`plan`: the catalog as the Pulumi program declares it, without touching any engine.</summary>
public sealed class PlanCommand : Command, IDocumentsExitCodes
{
    public PlanCommand()
        : base("plan", "Print the tables and every item in DynamoDB JSON, as the Pulumi program declares them (no network)")
    {
        Catalog.AddTo(this);
        Roster.AddTo(this, parallel: false);
        Options.Add(Json);
        Action = new PlanAction(this);
    }

    public CatalogOptions Catalog { get; } = new();

    public static (int Code, string Meaning) Printed => (ExitCodes.Ok, "the catalog is valid; its tables and items were printed");

    public IReadOnlyList<(int Code, string Meaning)> DocumentedExitCodes => [Printed, CourseRunner.LearnerFailedHelp];

    public RosterOptions Roster { get; } = new();

    public Option<bool> Json { get; } = new("--json") { Description = "Print one JSON document instead of text" };
}
