using System.CommandLine;
using Academy.Sandbox.Cli;

namespace Academy.Sandbox.Commands.Adopt;

/// <summary>`adopt`: what of the catalog already exists live, and the academy:adopt config that imports it.</summary>
public sealed class AdoptCommand : Command, IDocumentsExitCodes
{
    public AdoptCommand()
        : base("adopt", "Compare tables and items that already exist (made by hand, or left by `up --aws` or a retained destroy) with the catalog, and give the academy:adopt config that lets `pulumi up` import them; reads only")
    {
        Catalog.AddTo(this);
        Target.AddTo(this);
        Options.Add(Json);
        Action = new AdoptAction(this);
    }

    public CatalogOptions Catalog { get; } = new();

    public static (int Code, string Meaning) Ready => (ExitCodes.Ok, "everything that exists can be imported as it is (or nothing of the catalog exists yet)");

    public static (int Code, string Meaning) LeftOut => (ExitCodes.Drift, "a difference keeps something that exists out of the config (each is listed with its ways out)");

    public static (int Code, string Meaning) NotWritten => (ExitCodes.Failed, "with --stack: Pulumi.<stack>.yaml could not be read, edited safely or written (it is left as it was)");

    public IReadOnlyList<(int Code, string Meaning)> DocumentedExitCodes => [Ready, LeftOut, NotWritten];

    public TargetOptions Target { get; } = new();

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the findings and the config as JSON (pulumiConfig is what PULUMI_CONFIG carries for it)",
    };
}
