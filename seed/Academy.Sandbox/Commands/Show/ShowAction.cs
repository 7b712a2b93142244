using Academy.Sandbox.Cli;
using Academy.Sandbox.Course;
using Academy.Sandbox.Show;

namespace Academy.Sandbox.Commands.Show;

/// <summary>Reads the live tables through <see cref="ShowRunner"/> and prints the ETL's view.</summary>
public sealed class ShowAction(ShowCommand command) : SandboxAction(command.Catalog, command.Target)
{
    protected override async Task<int> RunAsync(SandboxRun run, CancellationToken ct)
    {
        if (command.Roster.Select(run, command.Catalog) is { } course)
        {
            return await CourseShow.RunAsync(run, course, run.Get(command.Roster.Parallel), run.Get(command.Json), ct);
        }

        var catalog = (await run.CatalogAsync(ct)).Catalog;
        using var client = run.Target.CreateClient();
        var view = await ShowRunner.ReadAsync(client, catalog, run.Target, run.Hints, ct);
        if (run.Get(command.Json))
        {
            ShowPrinter.Json(view, run.Output);
        }
        else
        {
            ShowPrinter.Text(view, run.Hints, run.Output);
        }

        return view.ProblemCount == 0 ? ShowCommand.Readable.Code : ShowCommand.Problems.Code;
    }
}
