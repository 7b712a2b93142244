using Academy.Sandbox.Cli;
using Academy.Sandbox.Course;
using Academy.Sandbox.Up;

namespace Academy.Sandbox.Commands.Up;

/// <summary>Runs <see cref="UpRunner"/> against the chosen engine and prints its summary (text, or one JSON document).</summary>
public sealed class UpAction(UpCommand command) : SandboxAction(command.Catalog, command.Target, command.Roster)
{
    protected override async Task<int> RunAsync(SandboxRun run, CancellationToken ct)
    {
        if (command.Roster.Select(run, command.Catalog) is { } course)
        {
            return await CourseUp.RunAsync(run, course, run.Get(command.Roster.Parallel), run.Get(command.Concurrency), run.Get(command.Prune), run.Get(command.Yes), run.Get(command.Json), ct);
        }

        using var target = await run.CatalogOnTargetAsync(ct);
        var catalog = target.Loaded.Catalog;
        var json = run.Get(command.Json);
        var log = json ? run.Error : run.Output; // with --json stdout holds the document alone
        log.WriteLine($"up: learner {catalog.Settings.User} -> {run.Target.Describe}");
        var runner = new UpRunner(target.Client, log, run.Get(command.Concurrency), hints: run.Hints) { PruneConfirmed = run.Get(command.Yes), Reads = target.Reads };
        var outcome = await runner.RunAsync(catalog, run.Get(command.Prune), ct);
        if (json)
        {
            JsonOutput.Write(run.Output, UpJson.Document(catalog.Settings.User, run.Target.Describe, outcome));
            return UpCommand.Done.Code;
        }

        var rate = outcome.Written >= 100 ? $" ({outcome.Written / outcome.Elapsed.TotalSeconds:N0} items/s)" : "";
        run.Output.WriteLine($"done in {outcome.Elapsed.TotalSeconds:0.00} s: {outcome.Written:N0} written{rate}, {outcome.Unchanged:N0} unchanged, {outcome.Pruned:N0} pruned"
            + (outcome.Retries > 0 ? $", {outcome.Retries:N0} retried" : "")
            + (outcome.ChangedNothing ? "; nothing changed" : ""));
        return UpCommand.Done.Code;
    }

    protected override string CancelledHint(SandboxRun run) => " (up writes only what is still missing)";
}
