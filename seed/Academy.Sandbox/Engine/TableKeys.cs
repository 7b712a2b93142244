using Academy.Catalog.Items;
using Academy.Catalog.Tables;
using Academy.Sandbox.Compare;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Engine;

/// <summary>An item's identity in its table, computed alike for catalog items and items read back (numbers by value).</summary>
public static class TableKeys
{
    public static string Of(TableSpec table, IReadOnlyDictionary<string, AttributeValue> item)
    {
        var hash = Part(table.HashKey, item);
        return table.RangeKey is null ? hash : $"{hash}/{Part(table.RangeKey, item)}";
    }

    public static string Of(TableSpec table, CatalogItem item) => Of(table, item.Attributes);

    public static Dictionary<string, AttributeValue> KeyAttributes(TableSpec table, IReadOnlyDictionary<string, AttributeValue> item) =>
        table.AttributeDefinitions.ToDictionary(k => k.Name, k => item[k.Name]);

    private static string Part(KeyAttribute key, IReadOnlyDictionary<string, AttributeValue> item)
    {
        if (!item.TryGetValue(key.Name, out var value))
        {
            return "";
        }

        return key.Type switch
        {
            "S" => value.S ?? "",
            "N" => value.N is null ? "" : NumberText.Canonical(value.N),
            _ => value.B is null ? "" : Convert.ToBase64String(value.B.ToArray()),
        };
    }
}
