using Academy.Sandbox.Cli;
using Academy.Sandbox.Plan;

namespace Academy.Sandbox.Commands.Plan;

/// <summary>Prints the catalog as text or JSON.</summary>
public sealed class PlanAction(PlanCommand command) : SandboxAction(command.Catalog)
{
    protected override async Task<int> RunAsync(SandboxRun run, CancellationToken ct)
    {
        var (catalog, source) = await run.CatalogAsync(ct);
        if (run.Get(command.Json))
        {
            PlanPrinter.Json(catalog, source, run.Output);
        }
        else
        {
            PlanPrinter.Text(catalog, source, run.Output);
        }

        return ExitCodes.Ok;
    }
}
