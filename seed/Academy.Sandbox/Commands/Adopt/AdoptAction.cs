using Academy.Catalog.Project;
using Academy.Sandbox.Adopt;
using Academy.Sandbox.Cli;

namespace Academy.Sandbox.Commands.Adopt;

/// <summary>
/// Runs <see cref="AdoptInspector"/>, prints what it found, and with --stack writes academy:adopt into
/// Pulumi.&lt;stack&gt;.yaml (else prints the `pulumi config set` lines). <see cref="AdoptCommand.LeftOut"/> while a
/// difference keeps something that exists out of the config.
/// </summary>
public sealed class AdoptAction(AdoptCommand command) : SandboxAction(command.Catalog, command.Target)
{
    protected override async Task<int> RunAsync(SandboxRun run, CancellationToken ct)
    {
        var catalog = run.Catalog().Catalog;
        using var client = run.Target.CreateClient();
        var report = await AdoptInspector.InspectAsync(client, catalog, ct);

        string? written = null;
        if (run.Get(command.Catalog.Stack) is { } stack)
        {
            var paths = ProjectPaths.Find(run.Get(command.Catalog.Project) ?? Environment.CurrentDirectory);
            var file = paths.Resolve($"Pulumi.{stack}.yaml");
            written = paths.Relative(file);
            StackFileAdoptWriter.Write(file, written, report.Config);
        }

        if (run.Get(command.Json))
        {
            AdoptJson.Write(report, written, run.Output);
        }
        else
        {
            AdoptPrinter.Findings(report, run.Target.Describe, run.Hints, run.Output);
            AdoptPrinter.Config(report, written, run.Output);
        }

        return report.Ready ? AdoptCommand.Ready.Code : AdoptCommand.LeftOut.Code;
    }
}
