using Academy.Catalog.Items;
using Academy.Catalog.Tables;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Engine;

/// <summary>An item's identity in its table, computed alike for catalog items and items read back (structural, numbers by value).</summary>
public static class TableKeys
{
    public static ItemKey Of(TableSpec table, IReadOnlyDictionary<string, AttributeValue> item) => ItemKey.Of(table.HashKey, table.RangeKey, item);

    public static ItemKey Of(TableSpec table, CatalogItem item) => Of(table, item.Attributes);

    public static Dictionary<string, AttributeValue> KeyAttributes(TableSpec table, IReadOnlyDictionary<string, AttributeValue> item) =>
        table.AttributeDefinitions.ToDictionary(k => k.Name, k => item[k.Name]);
}
