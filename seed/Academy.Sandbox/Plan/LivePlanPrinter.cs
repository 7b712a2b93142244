using Academy.Catalog.Items;
using Academy.Sandbox.Cli;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Plan;

/// <summary>`plan` against live tables, as text: per table and item what `up` would do, then the count.</summary>
public static class LivePlanPrinter
{
    public static void Text(LivePlan plan, Academy.Catalog.Catalog catalog, Hints hints, TextWriter output)
    {
        output.WriteLine($"plan: learner {plan.User} ({plan.Config}) against {plan.Target}; nothing is written");
        foreach (var table in plan.Tables)
        {
            var spec = catalog.Table(table.Key);
            output.WriteLine($"  {table.State ?? $"table {table.Name}: create ({Engine.TableSettings.DeclaredKey(spec)}; {Engine.TableSettings.DeclaredBilling(spec)})"}");
            var (shown, more) = Listing.Cap(table.Items, i => Word(i.Action));
            foreach (var item in shown)
            {
                output.WriteLine($"    {Word(item.Action),-9}  {Academy.Catalog.Errors.Excerpt.Escape(item.Item)}{Note(item, catalog.Settings.ItemsUnreadable, hints)}"); // a live key may hold a line feed
                foreach (var attribute in item.Attributes ?? [])
                {
                    output.WriteLine($"                 {Academy.Catalog.Errors.Excerpt.Escape(attribute.Name)}: {Value(attribute.Old, "(none)")} -> {Value(attribute.New, "(removed)")}");
                }
            }

            if (more is not null)
            {
                output.WriteLine($"    {more}");
            }
        }

        output.WriteLine(plan.Changes == 0
            ? $"nothing to change: up would write nothing ({Counts(plan)})"
            : plan.PruneNeedsYes
                ? $"up would {string.Join(", ", Changes(plan))} ({Counts(plan)}); that empties a table or deletes more than half of it, so up refuses it without --yes: {hints.Command("up", "--prune", "--yes")} does it"
                : $"up would {string.Join(", ", Changes(plan))} ({Counts(plan)}); {hints.Command("up", plan.Prune ? ["--prune"] : [])} does it");
    }

    public static void Json(LivePlan plan, TextWriter output) => JsonOutput.Write(output, new
    {
        plan.User,
        plan.Config,
        plan.Target,
        plan.Prune,
        plan.Changes,
        plan.Tables,
    });

    private static string Word(LiveAction action) => action.ToString().ToLowerInvariant();

    private static string Note(LivePlanItem item, bool itemsEncrypted, Hints hints) => item.Action switch
    {
        LiveAction.Keep => $": not in the catalog, kept ({hints.DeletesExtras(itemsEncrypted, "it")})",
        LiveAction.Delete => ": not in the catalog",
        LiveAction.Skip => $" ({item.Source}): from a Pulumi secret, which only `pulumi up` writes",
        _ => $" ({item.Source})",
    };

    private static string Value(AttributeValue? value, string absent) => value is null ? absent : Academy.Catalog.Errors.Excerpt.Value(DynamoJsonWriter.Write(value));

    private static IEnumerable<string> Changes(LivePlan plan)
    {
        var tables = plan.Tables.Count(t => !t.Exists);
        if (tables > 0)
        {
            yield return $"create {tables:N0} table(s)";
        }

        foreach (var (action, verb) in new[] { (LiveAction.Create, "create"), (LiveAction.Update, "update"), (LiveAction.Delete, "delete") })
        {
            if (plan.Count(action) is var n && n > 0)
            {
                yield return $"{verb} {n:N0} item(s)";
            }
        }
    }

    private static string Counts(LivePlan plan) =>
        string.Join(", ", new[] { LiveAction.Unchanged, LiveAction.Keep, LiveAction.Skip }
            .Select(a => (a, n: plan.Count(a)))
            .Where(p => p.n > 0 || p.a == LiveAction.Unchanged)
            .Select(p => $"{p.n:N0} {(p.a == LiveAction.Keep ? "kept" : p.a == LiveAction.Skip ? "skipped (secret)" : "unchanged")}"));
}
