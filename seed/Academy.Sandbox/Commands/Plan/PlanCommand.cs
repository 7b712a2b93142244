using System.CommandLine;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Course;
using Academy.Sandbox.Engine;

namespace Academy.Sandbox.Commands.Plan;

/// <summary>`plan`: the catalog as the Pulumi program declares it, or with a target what `up` would change there.</summary>
public sealed class PlanCommand : Command, IDocumentsExitCodes
{
    public PlanCommand()
        : base("plan", "Print the tables and every item in DynamoDB JSON, as the Pulumi program declares them (no network); with --endpoint or --aws, what up would change in the live tables (writes nothing)")
    {
        Catalog.AddTo(this);
        Roster.AddTo(this, parallel: false);
        Target.AddTo(this);
        // Without either, plan reads no table: there is no default engine to name.
        Target.Endpoint.Description = $"Compare with the live tables at this DynamoDB endpoint, an http:// or https:// URL (the local engine is {EngineTarget.DefaultEndpoint}); without it or --aws, plan reads no table";
        Target.Aws.Description = "Compare with the live tables in AWS (default credential chain and region)";
        Options.Add(Prune);
        Options.Add(Json);
        Validators.Add(result =>
        {
            if (UsageErrors.UnreadableOption(result))
            {
                return;
            }

            var live = result.GetValue(Target.Aws) || result.GetValue(Target.Endpoint) is not null;
            if (result.GetValue(Prune) && !live)
            {
                result.AddError("--prune shows what up --prune would delete from the live tables, so it needs --endpoint or --aws");
            }
            else if (live && result.GetValue(Roster.Roster) is not null && result.GetValue(Roster.Learner) is null)
            {
                result.AddError("plan compares one learner's tables with --endpoint or --aws: add --learner NAME, or use verify --roster for every learner");
            }
        });
        Action = new PlanAction(this);
    }

    public CatalogOptions Catalog { get; } = new();

    public static (int Code, string Meaning) Printed => (ExitCodes.Ok, "the catalog is valid and was printed, or with a target what up would change (changes or not; verify exits 1 on drift)");

    public IReadOnlyList<(int Code, string Meaning)> DocumentedExitCodes => [Printed, UpRefuses, CourseRunner.LearnerFailedHelp];

    /// <summary>What `up` refuses before writing anything, `plan` refuses the same way.</summary>
    public static (int Code, string Meaning) UpRefuses => (ExitCodes.Failed, "with a target: a table's key differs from the catalog's, which up refuses too");

    public RosterOptions Roster { get; } = new();

    public TargetOptions Target { get; } = new() { Optional = true };

    public Option<bool> Prune { get; } = new("--prune")
    {
        Description = "With --endpoint or --aws: show the items up --prune would delete (without it they are listed as kept)",
    };

    public Option<bool> Json { get; } = new("--json") { Description = "Print one JSON document instead of text" };
}
