using Academy.Catalog.Project;
using Academy.Sandbox.Adopt;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Config;

namespace Academy.Sandbox.Commands.Adopt;

/// <summary>
/// Runs <see cref="AdoptInspector"/>, prints what it found, and with --stack writes academy:adopt into
/// Pulumi.&lt;stack&gt;.yaml, creating it when the learner has no stack yet (else prints the `pulumi config set` lines).
/// <see cref="AdoptCommand.LeftOut"/> while a difference keeps something that exists out of the config.
/// </summary>
public sealed class AdoptAction(AdoptCommand command) : SandboxAction(command.Catalog, command.Target)
{
    protected override async Task<int> RunAsync(SandboxRun run, CancellationToken ct)
    {
        var catalog = run.Catalog().Catalog;
        using var client = run.Target.CreateClient();
        var stack = run.Get(command.Catalog.Stack);
        var report = await AdoptInspector.InspectAsync(client, catalog, ct, new PeerCommands(run.Target.Endpoint, stack));

        string? written = null;
        var created = false;
        if (stack is not null)
        {
            var (file, shown) = StackFileKeyEditor.Locate(ProjectPaths.Find(run.Get(command.Catalog.Project) ?? Environment.CurrentDirectory), stack);
            written = shown;
            created = StackFileAdoptWriter.Write(file, written, report.Config);
        }

        if (run.Get(command.Json))
        {
            AdoptJson.Write(report, written, run.Output);
        }
        else
        {
            AdoptPrinter.Findings(report, run.Target.Describe, run.Hints, run.Output, stack);
            AdoptPrinter.Config(report, written, run.Output, created ? stack : null);
        }

        return report.Ready ? AdoptCommand.Ready.Code : AdoptCommand.LeftOut.Code;
    }
}
