using Academy.Catalog.Items;
using Academy.Catalog.Project;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Config;
using Academy.Sandbox.Export;

namespace Academy.Sandbox.Commands.Export;

/// <summary>
/// Runs <see cref="ExportRunner"/>: into --out, else with --stack into the learner's stack file (their
/// own values, no one else's catalog), else (or with --seed) into the items folder the catalog reads.
/// </summary>
public sealed class ExportAction(ExportCommand command) : SandboxAction(command.Catalog, command.Target)
{
    protected override async Task<int> RunAsync(SandboxRun run, CancellationToken ct)
    {
        var catalog = run.Catalog().Catalog;
        var paths = ProjectPaths.Find(run.Get(command.Catalog.Project) ?? Environment.CurrentDirectory);
        var itemsFolder = Path.Combine(paths.Resolve(catalog.Settings.SeedDir), SeedFiles.ItemsFolder);
        var stack = run.Get(command.Catalog.Stack);
        if (run.Get(command.Out) is null && !run.Get(command.Seed))
        {
            string[] chosen = [.. run.Get(command.Table) is { } table ? Hints.OptionWords("--table", table) : [], .. (run.Get(command.Item) ?? []).SelectMany(i => Hints.OptionWords("--item", i))];
            StackOwner.Require(run, command.Catalog, stack, catalog.Settings.User, "export", Academy.Catalog.Settings.ConfigKeys.Items.FullKey, chosen);
        }

        ExportTarget target = run.Get(command.Out) is { } outFolder
            ? new ExportTarget.Folder(Path.GetFullPath(outFolder), SameFolder(Path.GetFullPath(outFolder), itemsFolder), itemsFolder)
            : stack is not null && !run.Get(command.Seed)
                ? new ExportTarget.Stack(stack)
                : new ExportTarget.Folder(itemsFolder, IntoCatalog: true);
        var scope = new ExportScope(run.Get(command.Table), run.Get(command.Item) ?? []);
        using var client = run.Target.CreateClient();
        await ExportRunner.RunAsync(client, catalog, paths, target, scope, run.Hints, run.Output, ct);
        return ExportCommand.Written.Code;
    }

    private static bool SameFolder(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b), StringComparison.Ordinal);
}
