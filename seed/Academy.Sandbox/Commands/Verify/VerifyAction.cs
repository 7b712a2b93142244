using Academy.Sandbox.Cli;
using Academy.Sandbox.Course;
using Academy.Sandbox.Verify;

namespace Academy.Sandbox.Commands.Verify;

/// <summary>Runs <see cref="VerifyRunner"/> and turns drift into <see cref="VerifyCommand.Drifted"/>.</summary>
public sealed class VerifyAction(VerifyCommand command) : SandboxAction(command.Catalog, command.Target)
{
    protected override async Task<int> RunAsync(SandboxRun run, CancellationToken ct)
    {
        if (command.Roster.Select(run, command.Catalog) is { } course)
        {
            return await CourseVerify.RunAsync(run, course, run.Get(command.Roster.Parallel), ct);
        }

        var catalog = (await run.CatalogAsync(ct)).Catalog;
        using var client = run.Target.CreateClient();
        var report = await VerifyRunner.RunAsync(client, catalog, run.Target.Describe, ct);
        if (run.Get(command.Json))
        {
            VerifyPrinter.Json(report, run.Output);
        }
        else
        {
            VerifyPrinter.Text(report, run.Hints, run.Output);
        }

        return report.InStep ? VerifyCommand.InStep.Code : VerifyCommand.Drifted.Code;
    }
}
