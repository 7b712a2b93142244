using Academy.Catalog.Items;
using Academy.Catalog.Tables;

namespace Academy.Catalog.Lifecycle;

/// <summary>The Pulumi resource options of one table, decided from the catalog alone.</summary>
public sealed record TableLifecycle(bool Protect, bool RetainOnDelete, bool DeleteBeforeReplace, string? ImportId);

/// <summary>The Pulumi resource options of one item; <see cref="DeletedWithTable"/> names its own table.</summary>
public sealed record ItemLifecycle(bool RetainOnDelete, bool DeleteBeforeReplace, bool DeletedWithTable, string? ImportId);

/// <summary>
/// How each declared resource is created, replaced and deleted: a pure decision, so it is tested
/// without Pulumi; the program only copies it into resource options.
/// </summary>
public static class ResourceLifecycle
{
    // A table's name is fixed (<user>-academy-<table>), so a change that replaces it (a new key
    // schema) cannot create the new table while the old one still holds the name: delete first.
    // Its items take tableName and hashKey from the table's outputs, so they are replaced with it
    // and the new table gets every declared item again; data written outside the stack does not
    // survive a replacement, which is what academy:protect (refuse to delete or replace) is for.
    // An import id (academy:adopt) makes Pulumi take over the live table instead of creating it.
    public static TableLifecycle Of(Catalog catalog, TableSpec table) => new(
        Protect: catalog.Settings.Protect,
        RetainOnDelete: catalog.Settings.RetainOnDelete,
        DeleteBeforeReplace: true,
        ImportId: catalog.Adopt.ImportId(table));

    // An item's identity is its table and key, so a replacement created first would be deleted by
    // the removal of the old one: delete first. Items are never protected, so one can be removed
    // from seed/ or config while its table is protected.
    //
    // Deleted with its table: when the table is deleted in the same operation (destroy, or a table
    // replacement), the engine skips the item's own delete, since DeleteTable takes every item with
    // it; one call per table instead of one per item, and no item delete failing on a table that is
    // already gone. An item removed on its own, its table staying, is still deleted.
    //
    // retainOnDelete applies to the items too, or a destroy would empty the tables it promised to
    // leave; the engine checks it before deletedWith, so such a destroy leaves tables and items. With protect, a destroy
    // stops at the table (its preview fails first); had the items been deleted one by one before
    // that, the protected table would be left empty, whereas deletedWith leaves it whole.
    public static ItemLifecycle Of(Catalog catalog, CatalogItem item) => Of(catalog, catalog.Table(item.TableKey), item);

    /// <summary>The same, for a caller that holds the item's table already (the program, once per item).</summary>
    public static ItemLifecycle Of(Catalog catalog, TableSpec table, CatalogItem item) => new(
        RetainOnDelete: catalog.Settings.RetainOnDelete,
        DeleteBeforeReplace: true,
        DeletedWithTable: true,
        ImportId: catalog.Adopt.ImportId(table, item));
}
