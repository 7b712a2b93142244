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
        RequireOwnLearner(run, stack, catalog.Settings.User);
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

    // academy:adopt lists what is identical in the tables adopt read; written into a stack whose own
    // learner is someone else (--stack dev --user bob), `pulumi up --stack dev` would import that
    // learner's tables by bob's list, differing items included.
    private void RequireOwnLearner(SandboxRun run, string? stack, string learner)
    {
        if (stack is null || run.Get(command.Catalog.User) is null)
        {
            return;
        }

        var paths = ProjectPaths.Find(run.Get(command.Catalog.Project) ?? Environment.CurrentDirectory);
        var file = paths.Resolve(PulumiStackName.FileName(stack));
        var config = File.Exists(file) ? StackFileConfigSource.Load(paths, stack) : null;
        if (config?.Unreadable(Academy.Catalog.Settings.ConfigKeys.User.Name) is not null)
        {
            return; // a secret learner name: Pulumi knows it, the sandbox cannot compare
        }

        var own = config?.Get(Academy.Catalog.Settings.ConfigKeys.User.Name) is { Length: > 0 } named ? named : PulumiStackName.Short(stack);
        if (own != learner)
        {
            throw new SandboxException(
                $"error: adopt --stack {Excerpt.Of(stack)} writes {AdoptConfig.FullKey} for learner {Excerpt.Of(own)}, but --user {Excerpt.Of(learner)} reads {Excerpt.Of(learner)}'s tables; "
                + $"nothing was written. Leave out --user, or adopt into {Excerpt.Of(learner)}'s own stack with {run.Hints.Without("--stack", "--user").WithStack(learner).Command("adopt")}",
                ExitCodes.Usage);
        }
    }
}
