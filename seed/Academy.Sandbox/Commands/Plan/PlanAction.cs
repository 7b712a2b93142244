using Academy.Sandbox.Cli;
using Academy.Sandbox.Plan;

namespace Academy.Sandbox.Commands.Plan;

/// <summary>Prints the catalog as text or JSON.</summary>
public sealed class PlanAction(PlanCommand command) : SandboxAction(command.Catalog)
{
    protected override Task<int> RunAsync(SandboxRun run, CancellationToken ct)
    {
        var (catalog, source) = run.Catalog();
        if (run.Get(command.Json))
        {
            PlanPrinter.Json(catalog, source, run.Output);
        }
        else
        {
            PlanPrinter.Text(catalog, source, run.Output);
        }

        return Task.FromResult(ExitCodes.Ok);
    }
}
