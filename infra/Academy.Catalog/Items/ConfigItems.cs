using System.Text.Json;
using Academy.Catalog.Errors;
using Academy.Catalog.Settings;
using Academy.Catalog.Tables;
using static Academy.Catalog.Errors.Shown;

namespace Academy.Catalog.Items;

/// <summary>Items from academy:items: a map of table to a list of plain-JSON items.</summary>
public static class ConfigItems
{
    public static List<CatalogItem> Load(JsonElement? items, bool secret, IReadOnlyDictionary<string, TableDefinition> tables, IReadOnlySet<string> rejectedTables, ErrorList errors)
    {
        var loaded = new List<CatalogItem>();
        if (tables.Count == 0 && rejectedTables.Count == 0)
        {
            return loaded; // tables.json is missing, unreadable or empty, as already reported: every table here would be unknown
        }

        if (items is not { } map)
        {
            return loaded;
        }

        foreach (var entry in map.EnumerateObject())
        {
            var source = $"config {ConfigKeys.Items.FullKey}.{entry.Name}";
            if (rejectedTables.Contains(entry.Name))
            {
                continue; // its table definition is already reported
            }

            if (!tables.TryGetValue(entry.Name, out var table))
            {
                errors.Add(source, null, $"unknown table '{Name(entry.Name)}'; tables are {Names(tables.Keys)}");
            }
            else if (entry.Value.ValueKind != JsonValueKind.Array)
            {
                errors.Add(source, null, $"must be a list of items, not {Words(Json.KindName(entry.Value))}");
            }
            else
            {
                loaded.AddRange(ItemParser.ParseList(entry.Value, ItemFormat.Plain, table, source, errors)
                    .Select(item => item with { Secret = secret }));
            }
        }

        return loaded;
    }
}
