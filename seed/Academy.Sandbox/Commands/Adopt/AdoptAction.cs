using Academy.Catalog.Errors;
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
        var stack = run.Get(command.Catalog.Stack);
        StackOwner.Require(run, command.Catalog, stack, catalog.Settings.User, "adopt", AdoptConfig.FullKey);
        using var client = run.Target.CreateClient();
        var peers = new PeerCommands(run.Target.Endpoint, stack, run.Get(command.Catalog.Project));
        var report = await AdoptInspector.InspectAsync(client, catalog, ct, peers);

        string? written = null;
        var created = false;
        if (stack is not null)
        {
            var (file, shown) = StackFileKeyEditor.Locate(ProjectPaths.Find(run.Get(command.Catalog.Project) ?? Environment.CurrentDirectory), stack);
            written = shown;
            // Without --stack the learner would be the default one: the same learner, named.
            var withoutStack = run.Hints.Without("--stack").Command("adopt", run.Get(command.Catalog.User) is null ? Hints.OptionWords("--user", catalog.Settings.User) : []);
            created = StackFileAdoptWriter.Write(file, written, report.Config, withoutStack);
        }

        if (run.Get(command.Json))
        {
            AdoptJson.Write(report, written, run.Output);
        }
        else
        {
            AdoptPrinter.Findings(report, run.Target.Describe, run.Hints, run.Output, stack);
            AdoptPrinter.Config(report, written, run.Output, created ? stack : null, peers);
        }

        return report.Ready ? AdoptCommand.Ready.Code : AdoptCommand.LeftOut.Code;
    }
}
