using Academy.Sandbox.Cli;
using Academy.Sandbox.Up;

namespace Academy.Sandbox.Commands.Up;

/// <summary>Runs <see cref="UpRunner"/> against the chosen engine and prints its summary line.</summary>
public sealed class UpAction(UpCommand command) : SandboxAction(command.Catalog, command.Target)
{
    protected override async Task<int> RunAsync(SandboxRun run, CancellationToken ct)
    {
        var catalog = run.Catalog().Catalog;
        using var client = run.Target.CreateClient();
        var output = run.Output;
        output.WriteLine($"up: learner {catalog.Settings.User} -> {run.Target.Describe}");
        var outcome = await new UpRunner(client, output, run.Get(command.Concurrency)).RunAsync(catalog, run.Get(command.Prune), ct);
        var rate = outcome.Written >= 100 ? $" ({outcome.Written / outcome.Elapsed.TotalSeconds:N0} items/s)" : "";
        output.WriteLine($"done in {outcome.Elapsed.TotalSeconds:0.00} s: {outcome.Written:N0} written{rate}, {outcome.Unchanged:N0} unchanged, {outcome.Pruned:N0} pruned"
            + (outcome.Retries > 0 ? $", {outcome.Retries:N0} retried" : "")
            + (outcome.ChangedNothing ? "; nothing changed" : ""));
        return ExitCodes.Ok;
    }

    protected override string CancelledHint(SandboxRun run) => " (up writes only what is still missing)";
}
