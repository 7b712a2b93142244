using Academy.Sandbox.Cli;

namespace Academy.Sandbox.Up;

/// <summary>
/// `up --prune` deletes what the catalog does not declare, so a catalog that lost items (a seed file
/// renamed, a stack file without its items) would take the live items with it. Emptying a table or
/// deleting more than half of its items therefore needs --yes; without it nothing is written at all.
/// </summary>
public static class PruneGuard
{
    public static void Check(IReadOnlyList<TablePlan> plans, Hints hints)
    {
        var risky = plans.Where(p => p.PruneNeedsConfirmation).ToList();
        if (risky.Count == 0)
        {
            return;
        }

        var what = string.Join(" and ", risky.Select(p =>
            $"{p.Deletes.Count:N0} of the {p.Live:N0} item(s) in {p.Table.Name}{(p.Empties ? ", emptying it" : "")}"));
        throw new SandboxException(
            $"error: up --prune would delete {what}, more than half; nothing was written or deleted. "
            + $"Check that the catalog still declares those items ({hints.LivePlan("--prune")} lists what it declares and each item it would delete; a missing seed file?), "
            + $"then confirm with {hints.Command("up", "--prune", "--yes")}");
    }
}
