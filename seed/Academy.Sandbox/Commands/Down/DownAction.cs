using Academy.Sandbox.Cli;
using Academy.Sandbox.Course;
using Academy.Sandbox.Down;

namespace Academy.Sandbox.Commands.Down;

/// <summary>Runs <see cref="DownRunner"/>; in AWS only when the deletion is confirmed on the command line.</summary>
public sealed class DownAction(DownCommand command) : SandboxAction(command.Catalog, command.Target, command.Roster)
{
    protected override async Task<int> RunAsync(SandboxRun run, CancellationToken ct)
    {
        var table = run.Get(command.Table);
        if (command.Roster.Select(run, command.Catalog) is { } course)
        {
            var tableKey = table is null ? null : RequireTable(course.Learners[0].Catalog, table);
            RequireAwsConfirmation(run, tableKey is null ? $"the tables of {course.Describe}" : $"table {tableKey} of {course.Describe}", tableKey, run.Hints);
            return await CourseDown.RunAsync(run, course, tableKey, run.Get(command.Roster.Parallel), ct);
        }

        var catalog = (await run.CatalogAsync(ct)).Catalog;
        var only = table is null ? null : RequireTable(catalog, table);
        RequireAwsConfirmation(run, string.Join(", ", DownRunner.Tables(catalog, only).Select(t => t.Name)), only, run.Hints);

        run.Output.WriteLine($"down: learner {catalog.Settings.User} at {run.Target.Describe}");
        using var client = run.Target.CreateClient();
        var deleted = await DownRunner.RunAsync(client, catalog, only, run.Output, ct);
        run.Output.WriteLine(deleted.Count == 0
            ? $"nothing deleted: {(only is null ? "none of the learner's tables exists" : $"table {DownRunner.Tables(catalog, only).Single().Name} does not exist")}"
            : $"deleted {deleted.Count} table(s); {run.Hints.Command("up")} creates them again from the catalog"
                + (run.Target.IsAws ? "; if a Pulumi stack managed them, `pulumi refresh` makes it forget them" : ""));
        return DownCommand.Deleted.Code;
    }

    // A table key the catalog declares, or a usage error naming the ones it does.
    private static string RequireTable(Academy.Catalog.Catalog catalog, string key) =>
        catalog.Tables.Any(t => t.Key == key)
            ? key
            : throw new SandboxException(
                $"error: --table {Hints.Quote(key)}: the catalog declares no such table; its tables are {string.Join(", ", catalog.Tables.Select(t => t.Key))}; nothing was deleted",
                ExitCodes.Usage);

    protected override string CancelledHint(SandboxRun run) => " (down deletes only the tables that are still there)";

    // The confirmation deletes exactly what the message names: the one table too, when --table chose it.
    private void RequireAwsConfirmation(SandboxRun run, string what, string? table, Hints hints)
    {
        if (run.Target.IsAws && !run.Get(command.ConfirmAws))
        {
            throw new SandboxException(
                $"error: down --aws deletes {what} and every item in them from your AWS account; nothing was deleted. "
                + $"Confirm with {hints.Command("down", [.. table is null ? [] : Hints.OptionWords("--table", table), DownCommand.ConfirmAwsName])}");
        }
    }
}
