using Academy.Sandbox.Cli;
using Academy.Sandbox.Course;
using Academy.Sandbox.Plan;
using Academy.Sandbox.Up;

namespace Academy.Sandbox.Commands.Plan;

/// <summary>Prints the catalog as text or JSON; with a target, what `up` would change there, from `up`'s own plan.</summary>
public sealed class PlanAction(PlanCommand command) : SandboxAction(command.Catalog, command.Target, command.Roster)
{
    protected override async Task<int> RunAsync(SandboxRun run, CancellationToken ct)
    {
        if (command.Roster.Select(run, command.Catalog) is { } course)
        {
            return await CoursePlan.RunAsync(course, run.Get(command.Json), run.Output, ct);
        }

        var (catalog, source) = await run.CatalogAsync(ct);
        if (run.HasTarget)
        {
            using var client = run.Target.CreateClient();
            var prune = run.Get(command.Prune);
            // up's own planning step, which reads and never writes.
            var plans = await new UpRunner(client, TextWriter.Null, concurrency: 1, hints: run.Hints).PlanAsync(catalog, prune, ct);
            var plan = LivePlan.Of(catalog, source, run.Target, prune, plans);
            if (run.Get(command.Json))
            {
                LivePlanPrinter.Json(plan, run.Output);
            }
            else
            {
                LivePlanPrinter.Text(plan, catalog, run.Hints, run.Output);
            }

            return PlanCommand.Printed.Code;
        }

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
