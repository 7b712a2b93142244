using Academy.Sandbox.Cli;
using Academy.Sandbox.Course;
using Academy.Sandbox.Engine;
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
            if (!run.HasTarget)
            {
                return await CoursePlan.RunAsync(course, run.Get(command.Json), run.Output, ct);
            }

            // Against live tables: one learner's, as for a learner stack (up --prune's refusal points here).
            if (course.Learners.Count != 1)
            {
                throw new SandboxException(
                    $"error: plan compares one learner's tables with --endpoint or --aws: add --learner NAME (or use {run.Hints.Command("verify")} for every learner)",
                    ExitCodes.Usage);
            }

            using var client = run.Target.CreateClient();
            return await LiveAsync(run, new LoadedCatalog(course.Learners[0].Catalog, course.Source), client, LiveReads.None, run.Hints.ForLearner(course.Learners[0].Name), ct);
        }

        if (run.HasTarget)
        {
            using var target = await run.CatalogOnTargetAsync(ct);
            return await LiveAsync(run, target.Loaded, target.Client, target.Reads, run.Hints, ct);
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
    private async Task<int> LiveAsync(SandboxRun run, LoadedCatalog loaded, Amazon.DynamoDBv2.IAmazonDynamoDB client, LiveReads reads, Hints hints, CancellationToken ct)
    {
        var (catalog, source) = loaded;
        var prune = run.Get(command.Prune);
        var plans = await new UpRunner(client, TextWriter.Null, concurrency: 1, hints: hints) { Reads = reads }.PlanAsync(catalog, prune, ct);
        var plan = LivePlan.Of(catalog, source, run.Target, prune, plans);
        if (run.Get(command.Json))
        {
            LivePlanPrinter.Json(plan, run.Output);
        }
        else
        {
            LivePlanPrinter.Text(plan, catalog, hints, run.Output);
        }

        return PlanCommand.Printed.Code;
    }
}
