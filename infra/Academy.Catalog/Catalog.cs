using Academy.Catalog.Adopt;
using Academy.Catalog.Items;
using Academy.Catalog.Settings;
using Academy.Catalog.Tables;

namespace Academy.Catalog;

/// <summary>One learner's tables and items, validated: the single source both the Pulumi program and the sandbox tool read.</summary>
public sealed record Catalog(CatalogSettings Settings, IReadOnlyList<TableSpec> Tables, IReadOnlyList<CatalogItem> Items)
{
    /// <summary>What academy:adopt imports instead of creating; <see cref="AdoptPlan.None"/> when not set.</summary>
    public AdoptPlan Adopt { get; init; } = AdoptPlan.None;

    public TableSpec Table(string key) =>
        Tables.FirstOrDefault(t => t.Key == key) ?? throw new KeyNotFoundException($"No table '{key}' in the catalog");

    /// <summary>This catalog with every item holding only its DynamoDB JSON (<see cref="CatalogItem.WithJsonOnly"/>).</summary>
    public Catalog WithJsonOnlyItems() => this with { Items = Items.Select(i => i.WithJsonOnly()).ToList() };

    public IEnumerable<CatalogItem> ItemsOf(string tableKey) => Items.Where(i => i.TableKey == tableKey);
}
