using Academy.Sandbox.Cli;
using Academy.Sandbox.Show;

namespace Academy.Sandbox.Commands.Show;

/// <summary>Reads the live tables through <see cref="ShowRunner"/> and prints the ETL's view.</summary>
public sealed class ShowAction(ShowCommand command) : SandboxAction(command.Catalog, command.Target)
{
    protected override async Task<int> RunAsync(SandboxRun run, CancellationToken ct)
    {
        var catalog = run.Catalog().Catalog;
        using var client = run.Target.CreateClient();
        var view = await ShowRunner.ReadAsync(client, catalog, run.Target, ct);
        if (run.Get(command.Json))
        {
            ShowPrinter.Json(view, run.Output);
        }
        else
        {
            ShowPrinter.Text(view, run.Output);
        }

        return ExitCodes.Ok;
    }
}
