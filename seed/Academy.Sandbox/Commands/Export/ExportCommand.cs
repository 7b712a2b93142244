using System.CommandLine;
using Academy.Sandbox.Cli;

namespace Academy.Sandbox.Commands.Export;

/// <summary>`export`: the live items as seed files.</summary>
public sealed class ExportCommand : Command, IDocumentsExitCodes
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

    public static (int Code, string Meaning) Written => (ExitCodes.Ok, "the live items were written as seed files");

    public static (int Code, string Meaning) WouldBeInvalid => (ExitCodes.CatalogInvalid, "the live items would make the catalog invalid; nothing was written (every problem is listed)");

    public static (int Code, string Meaning) NotWritten => (ExitCodes.Failed, "--out is a file, an item would not read back as it is stored, or a file could not be written");

    public IReadOnlyList<(int Code, string Meaning)> DocumentedExitCodes => [Written, WouldBeInvalid, NotWritten];

    public TargetOptions Target { get; } = new();

    public Option<string?> Out { get; } = new("--out")
    {
        Description = "Write the files into this folder instead of <seedDir>/items",
        HelpName = "folder",
    };
}
