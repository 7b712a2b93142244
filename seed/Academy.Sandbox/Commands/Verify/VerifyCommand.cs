using System.CommandLine;
using Academy.Sandbox.Cli;

namespace Academy.Sandbox.Commands.Verify;

/// <summary>`verify`: the live tables compared with the catalog.</summary>
public sealed class VerifyCommand : Command
{
    public VerifyCommand()
        : base("verify", "Compare the live tables with the catalog; exit 1 and list every missing, extra or different item on drift")
    {
        Catalog.AddTo(this);
        Target.AddTo(this);
        Action = new VerifyAction(this);
    }

    public CatalogOptions Catalog { get; } = new();

    public TargetOptions Target { get; } = new();
}
