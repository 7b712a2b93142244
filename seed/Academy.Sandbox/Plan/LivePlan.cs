using System.Text.Json.Serialization;
using Academy.Catalog.Items;
using Academy.Sandbox.Compare;
using Academy.Sandbox.Engine;
using Academy.Sandbox.Up;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Plan;

/// <summary>What `up` would do with one item of a live table.</summary>
public enum LiveAction
{
    Update,
    Create,
    Delete,
    Keep,
    Skip,
    Unchanged,
}

/// <summary>
/// `plan --endpoint/--aws`: `up`'s own plan (<see cref="UpRunner.PlanAsync"/>) as a document, table by
/// table and item by item; nothing in it was written. Secret items' values are masked.
/// </summary>
public sealed record LivePlan(string User, string Config, string Target, bool Prune, bool PruneNeedsYes, IReadOnlyList<LivePlanTable> Tables)
{
    /// <summary>What `up` would change: tables to create, items to create, update or delete (settings are `pulumi up`'s).</summary>
    public int Changes => Tables.Sum(t => (t.Exists ? 0 : 1) + t.Items.Count(i => i.Action is LiveAction.Create or LiveAction.Update or LiveAction.Delete));

    public int Count(LiveAction action) => Tables.Sum(t => t.Items.Count(i => i.Action == action));

    public static LivePlan Of(Academy.Catalog.Catalog catalog, string config, EngineTarget target, bool prune, IReadOnlyList<TablePlan> plans) =>
        new(catalog.Settings.User, config, target.Describe, prune, plans.Any(p => p.PruneNeedsConfirmation), plans.Select(Table).ToList());

    private static LivePlanTable Table(TablePlan plan)
    {
        var declared = plan.Items.Select(i => new LivePlanItem(
            i.Item.LogicalName,
            i.Item.Source,
            i.Action switch
            {
                ItemAction.Create => LiveAction.Create,
                ItemAction.Update => LiveAction.Update,
                ItemAction.Skip => LiveAction.Skip,
                _ => LiveAction.Unchanged,
            },
            i.Action == ItemAction.Update ? i.Attributes.Select(a => Attribute(i.Item, a)).ToList() : null));
        var undeclared = plan.Undeclared.Select(key => new LivePlanItem(
            $"{plan.Table.Key}-{key}", null, plan.Deletes.Count > 0 ? LiveAction.Delete : LiveAction.Keep, null));
        var items = declared.Concat(undeclared).OrderBy(i => i.Action).ToList(); // changes first; OrderBy keeps catalog order within each
        return new LivePlanTable(plan.Table.Key, plan.Table.Name, plan.Exists, plan.Settings, items) { State = plan.State };
    }

    // The live value is the old one, the catalog's the new one: `up` writes the whole item.
    private static LivePlanAttribute Attribute(CatalogItem item, AttributeDifference difference) =>
        new(difference.Name, Masked(item, difference.Live), Masked(item, difference.Catalog));

    private static AttributeValue? Masked(CatalogItem item, AttributeValue? value) =>
        item.Secret && value is not null ? new AttributeValue { S = Masking.Mask } : value;
}

/// <summary>One table: whether `up` creates it, the settings that differ (which `up` leaves to `pulumi up`), and every item.</summary>
public sealed record LivePlanTable(string Key, string Name, bool Exists, IReadOnlyList<string> Settings, IReadOnlyList<LivePlanItem> Items)
{
    /// <summary>The line `up` prints for an existing table (<see cref="TablePlan.State"/>).</summary>
    [JsonIgnore]
    public string? State { get; init; }
}

/// <summary>One item and what `up` would do with it; an update lists the attributes it changes.</summary>
public sealed record LivePlanItem(
    string Item,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Source,
    LiveAction Action,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<LivePlanAttribute>? Attributes);

/// <summary>An attribute an update changes: null on the side that lacks it (a new attribute, or one the write removes).</summary>
public sealed record LivePlanAttribute(string Name, AttributeValue? Old, AttributeValue? New);
