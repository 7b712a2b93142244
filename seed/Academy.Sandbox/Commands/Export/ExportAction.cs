using Academy.Catalog.Items;
using Academy.Catalog.Project;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Export;

namespace Academy.Sandbox.Commands.Export;

/// <summary>Runs <see cref="ExportRunner"/> into --out or the items folder the catalog reads.</summary>
public sealed class ExportAction(ExportCommand command) : SandboxAction(command.Catalog, command.Target)
{
    protected override async Task<int> RunAsync(SandboxRun run, CancellationToken ct)
    {
        var catalog = run.Catalog().Catalog;
        var paths = ProjectPaths.Find(run.Get(command.Catalog.Project) ?? Environment.CurrentDirectory);
        var itemsFolder = Path.Combine(paths.Resolve(catalog.Settings.SeedDir), SeedFiles.ItemsFolder);
        var folder = run.Get(command.Out) is { } outFolder ? Path.GetFullPath(outFolder) : itemsFolder;
        using var client = run.Target.CreateClient();
        var intoCatalog = string.Equals(Path.TrimEndingDirectorySeparator(folder), Path.TrimEndingDirectorySeparator(itemsFolder), StringComparison.Ordinal);
        await ExportRunner.RunAsync(client, catalog, paths, folder, intoCatalog, run.Hints, run.Output, ct);
        return ExportCommand.Written.Code;
    }
}
