using Academy.Catalog.Errors;
using Academy.Catalog.Project;
using Academy.Sandbox.Cli;

namespace Academy.Sandbox.Config;

/// <summary>
/// A command that writes a learner's values into a stack file (adopt's academy:adopt, export's
/// academy:items) must write into that learner's own stack: given --stack dev --user bob where dev is
/// another learner's, `pulumi up --stack dev` would declare or import bob's values as dev's tables.
/// </summary>
public static class StackOwner
{
    /// <param name="extra">The command's own options as hint words (export's --table and --item), which the hint keeps.</param>
    public static void Require(SandboxRun run, CatalogOptions catalog, string? stack, string learner, string verb, string key, params string[] extra)
    {
        if (stack is null || run.Get(catalog.User) is null)
        {
            return;
        }

        var paths = ProjectPaths.Find(run.Get(catalog.Project) ?? Environment.CurrentDirectory);
        var file = paths.Resolve(PulumiStackName.FileName(stack));
        var config = File.Exists(file) ? StackFileConfigSource.Load(paths, stack) : null;
        if (config?.Unreadable(Academy.Catalog.Settings.ConfigKeys.User.Name) is not null)
        {
            return; // a secret learner name: Pulumi knows it, the sandbox cannot compare
        }

        var own = Owner(config, stack);
        if (own == learner)
        {
            return;
        }

        // The learner's own stack is the one named after them, unless that file names another learner too.
        var ownFile = paths.Resolve(PulumiStackName.FileName(learner));
        var theirs = PulumiStackName.Problem(learner) is null
            && (!File.Exists(ownFile) || Owner(StackFileConfigSource.Load(paths, learner), learner) == learner);
        throw new SandboxException(
            $"error: {verb} --stack {Excerpt.Of(stack)} writes {key} for learner {Excerpt.Of(own)}, but --user {Excerpt.Of(learner)} reads {Excerpt.Of(learner)}'s tables; nothing was written. "
            + (theirs
                ? $"Leave out --user, or {verb} into {Excerpt.Of(learner)}'s own stack with {run.Hints.Without("--stack", "--user").WithStack(learner).Command(verb, extra)}"
                : $"Leave out --user, or give --stack {Excerpt.Of(learner)}'s own stack (whose academy:user is {Excerpt.Of(learner)})"),
            ExitCodes.Usage);
    }

    private static string Owner(StackFileConfigSource? config, string stack) =>
        config?.Get(Academy.Catalog.Settings.ConfigKeys.User.Name) is { Length: > 0 } named ? named : PulumiStackName.Short(stack);
}
