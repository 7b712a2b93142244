using Academy.Catalog.Items;
using Academy.Catalog.Tables;
using Academy.Sandbox.Compare;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Up;

/// <summary>What `up` does with one declared item.</summary>
public enum ItemAction
{
    /// <summary>Not in the table: written.</summary>
    Create,

    /// <summary>In the table with other attributes: written whole, so every difference goes.</summary>
    Update,

    /// <summary>In the table as declared: not written.</summary>
    Unchanged,

    /// <summary>From a Pulumi secret: the sandbox never writes ciphertext, so only `pulumi up` writes it.</summary>
    Skip,
}

/// <summary>One declared item and what `up` does with it; <see cref="Attributes"/> lists what an update changes.</summary>
public sealed record PlannedItem(CatalogItem Item, ItemAction Action, IReadOnlyList<AttributeDifference> Attributes);

/// <summary>What `up` found in one table and means to do there, worked out before anything is written; `plan` prints it.</summary>
public sealed record TablePlan(
    TableSpec Table,
    bool Exists,
    IReadOnlyList<string> Settings,
    int Live,
    IReadOnlyList<PlannedItem> Items,
    IReadOnlyList<string> Undeclared,
    IReadOnlyList<WriteRequest> Deletes)
{
    private IReadOnlyList<WriteRequest>? _puts;

    /// <summary>The items to write: those to create and those to update.</summary>
    public IReadOnlyList<WriteRequest> Puts => _puts ??= Items
        .Where(i => i.Action is ItemAction.Create or ItemAction.Update)
        .Select(i => new WriteRequest { PutRequest = new PutRequest { Item = i.Item.Attributes.ToDictionary() } })
        .ToList();

    public int Unchanged => Items.Count(i => i.Action == ItemAction.Unchanged);

    public IReadOnlyList<string> SkippedSecret => Items.Where(i => i.Action == ItemAction.Skip).Select(i => $"{i.Item.LogicalName} ({i.Item.Source})").ToList();

    /// <summary>True when the deletes would empty the table or take more than half of its items.</summary>
    public bool PruneNeedsConfirmation => Deletes.Count > 0 && Deletes.Count * 2 > Live;

    public bool Empties => Deletes.Count == Live && Puts.Count == 0 && Unchanged == 0;

    /// <summary>How the table stands, as `up` and `plan` both say it; null for a table `up` creates.</summary>
    public string? State => !Exists
        ? null
        : Settings.Count == 0
            ? $"table {Table.Name}: exists, as the catalog declares it"
            : $"table {Table.Name}: exists, but its settings differ from the catalog ({string.Join("; ", Settings)}); up leaves them as they are (`pulumi up` applies the catalog's)";
}
