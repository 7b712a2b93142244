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

        if (run.HasTarget)
        {
            return await LiveAsync(run, ct);
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

    // What `up` would change at the target, from up's own planning step, which reads and never writes.
    private async Task<int> LiveAsync(SandboxRun run, CancellationToken ct)
    {
        using var target = await run.CatalogOnTargetAsync(ct);
        var (catalog, source) = target.Loaded;
        var prune = run.Get(command.Prune);
        var plans = await new UpRunner(target.Client, TextWriter.Null, concurrency: 1, hints: run.Hints) { Reads = target.Reads }.PlanAsync(catalog, prune, ct);
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
}
