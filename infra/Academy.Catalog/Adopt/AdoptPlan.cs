using Academy.Catalog.Items;
using Academy.Catalog.Tables;

namespace Academy.Catalog.Adopt;

/// <summary>
/// Which declared tables and items the program imports (academy:adopt) instead of creating, and
/// the import id Pulumi is given for each. Empty when the key is not set.
/// </summary>
public sealed class AdoptPlan
{
    private readonly HashSet<string> _tables;
    private readonly HashSet<(string Table, ItemKey Key)> _items;

    public AdoptPlan(IEnumerable<string> tables, IEnumerable<(string Table, ItemKey Key)> items)
    {
        _tables = tables.ToHashSet(StringComparer.Ordinal);
        _items = items.ToHashSet();
    }

    public static AdoptPlan None { get; } = new([], []);

    /// <summary>The adopted table keys.</summary>
    public IReadOnlySet<string> Tables => _tables;

    /// <summary>The adopted items as (table key, item key).</summary>
    public IReadOnlySet<(string Table, ItemKey Key)> Items => _items;

    public bool Adopts(TableSpec table) => _tables.Contains(table.Key);

    public bool Adopts(CatalogItem item) => _items.Contains((item.TableKey, item.Key));

    /// <summary>The import id for the table, or null when it is created as usual.</summary>
    public string? ImportId(TableSpec table) => Adopts(table) ? ImportIds.Table(table) : null;

    /// <summary>The import id for the item, or null when it is created as usual.</summary>
    public string? ImportId(TableSpec table, CatalogItem item) => Adopts(item) ? ImportIds.Item(table, item) : null;
}
