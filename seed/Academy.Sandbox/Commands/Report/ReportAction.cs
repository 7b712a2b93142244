using Academy.Catalog.Settings;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Files;
using Academy.Sandbox.Report;

namespace Academy.Sandbox.Commands.Report;

/// <summary>Verifies every learner of the roster and prints (or writes) the report; only reads from the engine.</summary>
public sealed class ReportAction(ReportCommand command) : SandboxAction(command.Catalog, command.Target, command.Roster)
{
    protected override async Task<int> RunAsync(SandboxRun run, CancellationToken ct)
    {
        var selection = command.Roster.Select(run, command.Catalog) ?? throw new SandboxException(
            $"error: report covers a course: give --roster FILE, or a --stack whose {ConfigKeys.Roster.FullKey} names one (`verify` checks one learner's stack)",
            ExitCodes.Usage);
        var (report, exitCode) = await ReportBuilder.BuildAsync(run, selection, run.Get(command.Roster.Parallel), ct);
        if (run.Get(command.Json))
        {
            ReportJson.Write(report, exitCode, run.Output);
            return exitCode;
        }

        ReportText.Write(report, run.Hints, run.Output);
        if (run.Result.GetValue(command.Html) is { } html)
        {
            var file = Path.GetFullPath(html);
            AtomicFile.Write(file, ReportHtml.Page(report));
            run.Output.WriteLine($"html: written to {file}");
        }

        return exitCode;
    }
}
