using Academy.Sandbox.Cli;
using Academy.Sandbox.Course;
using Academy.Sandbox.Plan;

namespace Academy.Sandbox.Commands.Plan;

/// <summary>Prints the catalog as text or JSON.</summary>
public sealed class PlanAction(PlanCommand command) : SandboxAction(command.Catalog)
{
    protected override async Task<int> RunAsync(SandboxRun run, CancellationToken ct)
    {
        if (command.Roster.Select(run, command.Catalog) is { } course)
        {
            return await CoursePlan.RunAsync(course, run.Get(command.Json), run.Output, ct);
        }

        var (catalog, source) = await run.CatalogAsync(ct);
        if (run.Get(command.Json))
        {
            PlanPrinter.Json(catalog, source, run.Output);
        }
        else
        {
            PlanPrinter.Text(catalog, source, run.Output);
        }

        return PlanCommand.Printed.Code;
    }
}
