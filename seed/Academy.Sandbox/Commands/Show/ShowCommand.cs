using System.CommandLine;
using Academy.Sandbox.Cli;

namespace Academy.Sandbox.Commands.Show;

/// <summary>`show`: what the ETL reads from the live tables.</summary>
public sealed class ShowCommand : Command
{
    public ShowCommand()
        : base("show", "Read the live tables back and print what the ETL sees: global settings and each job's resolved URLs")
    {
        Catalog.AddTo(this);
        Target.AddTo(this);
        Options.Add(Json);
        Action = new ShowAction(this);
    }

    public CatalogOptions Catalog { get; } = new();

    public TargetOptions Target { get; } = new();

    public Option<bool> Json { get; } = new("--json") { Description = "Print one JSON document instead of text" };
}
