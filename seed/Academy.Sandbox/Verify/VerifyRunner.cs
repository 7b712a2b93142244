using Academy.Sandbox.Compare;
using Academy.Sandbox.Engine;
using Amazon.DynamoDBv2;

namespace Academy.Sandbox.Verify;

/// <summary>Compares the live tables with the catalog: each table's settings, then item by item and attribute by attribute.</summary>
public static class VerifyRunner
{
    public static async Task<VerifyReport> RunAsync(IAmazonDynamoDB client, Academy.Catalog.Catalog catalog, string target, CancellationToken ct)
    {
        var tables = new List<TableVerdict>();
        foreach (var table in catalog.Tables)
        {
            var declared = catalog.ItemsOf(table.Key).ToList();
            var description = await LiveTable.DescribeAsync(client, table.Name, ct);
            if (description is null)
            {
                tables.Add(new TableVerdict(table.Key, table.Name, false, false, [], declared.Count, 0, 0, []));
                continue;
            }

            var settings = TableSettings.Differences(table, description);
            if (!TableSettings.KeysMatch(table, description))
            {
                // Its items are keyed by other attributes: matching them to the catalog's would be noise.
                var count = (await LiveTable.ScanAsync(client, table.Name, ct)).Count;
                tables.Add(new TableVerdict(table.Key, table.Name, true, true, settings, declared.Count, count, 0, []));
                continue;
            }

            var live = LiveTable.ByKey(await LiveTable.ScanAsync(client, table.Name, ct), table);
            var secrets = LiveSecrets.For(catalog, table);
            var declaredKeys = declared.Select(i => TableKeys.Of(table, i)).ToHashSet();
            var items = new List<ItemDrift>();
            var matching = 0;
            var skipped = new List<ItemDrift>();
            foreach (var item in declared)
            {
                if (!live.TryGetValue(TableKeys.Of(table, item), out var current))
                {
                    // `up` never writes ciphertext, so a secret item's absence here is expected, not drift.
                    (item.Secret ? skipped : items).Add(new ItemDrift(item.Secret ? ItemState.Skipped : ItemState.Missing, item.LogicalName, item.Source, item.Secret, []));
                }
                else if (item.Secret)
                {
                    matching++; // present; its values are ciphertext here and cannot be compared
                }
                else if (ItemDiff.Differences(item.Attributes, current) is { Count: > 0 } differences)
                {
                    items.Add(new ItemDrift(ItemState.Differs, item.LogicalName, item.Source, false, secrets.Shown(current, differences)));
                }
                else
                {
                    matching++;
                }
            }

            items.AddRange(live.Keys
                .Where(k => !declaredKeys.Contains(k))
                .Select(k => $"{table.Key}-{k}")
                .Order(StringComparer.Ordinal)
                .Select(name => new ItemDrift(ItemState.Extra, name, null, false, [])));
            tables.Add(new TableVerdict(table.Key, table.Name, true, false, settings, declared.Count, live.Count, matching, items) { Skipped = skipped });
        }

        return new VerifyReport(catalog.Settings.User, target, tables) { PruneRefused = catalog.Settings.ItemsUnreadable };
    }
}
