using System.CommandLine;
using Academy.Sandbox.Cli;

namespace Academy.Sandbox.Commands.Plan;

/// <summary>`plan`: the catalog as the Pulumi program declares it, without touching any engine.</summary>
public sealed class PlanCommand : Command
{
    public PlanCommand()
        : base("plan", "Print the tables and every item in DynamoDB JSON, as the Pulumi program declares them (no network)")
    {
        Catalog.AddTo(this);
        Options.Add(Json);
        Action = new PlanAction(this);
    }

    public CatalogOptions Catalog { get; } = new();

    public Option<bool> Json { get; } = new("--json") { Description = "Print one JSON document instead of text" };
}
