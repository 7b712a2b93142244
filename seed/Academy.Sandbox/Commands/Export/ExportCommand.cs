using System.CommandLine;
using Academy.Sandbox.Cli;

namespace Academy.Sandbox.Commands.Export;

/// <summary>`export`: the live items as seed files.</summary>
public sealed class ExportCommand : Command
{
    public ExportCommand()
        : base("export", "Write the live items of the learner's tables as seed files (by default into the catalog's items folder, replacing those tables' files), so the catalog declares what the tables hold")
    {
        Catalog.AddTo(this);
        Target.AddTo(this);
        Options.Add(Out);
        Action = new ExportAction(this);
    }

    public CatalogOptions Catalog { get; } = new();

    public TargetOptions Target { get; } = new();

    public Option<string?> Out { get; } = new("--out")
    {
        Description = "Write the files into this folder instead of <seedDir>/items",
        HelpName = "folder",
    };
}
