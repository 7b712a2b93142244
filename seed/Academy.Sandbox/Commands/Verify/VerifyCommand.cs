using System.CommandLine;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Course;

namespace Academy.Sandbox.Commands.Verify;

/// <summary>`verify`: the live tables compared with the catalog.</summary>
public sealed class VerifyCommand : Command, IDocumentsExitCodes
{
    public VerifyCommand()
        : base("verify", "Compare the live tables with the catalog; exit 1 and list every missing, extra or different item on drift")
    {
        Catalog.AddTo(this);
        Roster.AddTo(this, parallel: true);
        Target.AddTo(this);
        Options.Add(Json);
        Action = new VerifyAction(this);
    }

    public CatalogOptions Catalog { get; } = new();

    public static (int Code, string Meaning) InStep => (ExitCodes.Ok, "in step: the live tables hold exactly what the catalog declares");

    public static (int Code, string Meaning) Drifted => (ExitCodes.Drift, "drift: a table, a table setting or an item differs (each is listed)");

    public IReadOnlyList<(int Code, string Meaning)> DocumentedExitCodes => [InStep, Drifted, CourseRunner.LearnerFailedHelp];

    public RosterOptions Roster { get; } = new();

    public TargetOptions Target { get; } = new();

    public Option<bool> Json { get; } = new("--json") { Description = "Print one JSON document (every table and item) instead of text" };
}
