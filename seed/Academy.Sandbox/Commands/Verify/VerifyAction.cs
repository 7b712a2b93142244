using Academy.Sandbox.Cli;
using Academy.Sandbox.Verify;

namespace Academy.Sandbox.Commands.Verify;

/// <summary>Runs <see cref="VerifyRunner"/> and turns drift into exit code 1.</summary>
public sealed class VerifyAction(VerifyCommand command) : SandboxAction(command.Catalog, command.Target)
{
    protected override async Task<int> RunAsync(SandboxRun run, CancellationToken ct)
    {
        var catalog = run.Catalog().Catalog;
        using var client = run.Target.CreateClient();
        run.Output.WriteLine($"verify: learner {catalog.Settings.User} at {run.Target.Describe}");
        var drift = await VerifyRunner.RunAsync(client, catalog, run.Output, ct);
        run.Output.WriteLine(drift == 0
            ? "in step: the live tables hold exactly what the catalog declares"
            : $"drift: {drift} difference(s); `up` writes what is missing or different, `up --prune` also deletes extras");
        return drift == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
