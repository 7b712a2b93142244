using Academy.Catalog;
using Academy.Catalog.Settings;
using Academy.Catalog.Tables;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Compare;
using Academy.Sandbox.Engine;
using Academy.Sandbox.Export;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using BillingMode = Academy.Catalog.Settings.BillingMode;

namespace Academy.Sandbox.Adopt;

/// <summary>
/// Compares the learner's live tables with the catalog for a takeover by `pulumi up`. Reads only
/// (DescribeTable and Scan): adopting never writes or deletes anything in DynamoDB.
/// </summary>
public static class AdoptInspector
{
    /// <param name="peers">How the AWS CLI and Pulumi CLI lines it suggests are aimed (none: as typed bare).</param>
    public static async Task<AdoptReport> InspectAsync(IAmazonDynamoDB client, Academy.Catalog.Catalog catalog, CancellationToken ct, PeerCommands? peers = null)
    {
        var tables = new List<AdoptTable>();
        var liveCapacities = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in catalog.Tables)
        {
            var declared = catalog.ItemsOf(table.Key).ToList();
            var description = await LiveTable.DescribeAsync(client, table.Name, ct);
            if (description is null)
            {
                tables.Add(new AdoptTable(table, false, false, [], declared.Select(i => new AdoptItem(i, AdoptItemState.Missing, [])).ToList(), []));
                continue;
            }

            if (!TableSettings.KeysMatch(table, description))
            {
                // Items cannot be matched by a key the table does not have; the table has to go first.
                var keyDifference = new TableDifference($"key schema: catalog {TableSettings.DeclaredKey(table)}, live {TableSettings.LiveKey(description)}", "", "");
                tables.Add(new AdoptTable(table, true, false, [keyDifference], [], []));
                continue;
            }

            liveCapacities.Add(LiveCapacity(description));
            var live = LiveTable.ByKey(await LiveTable.ScanAsync(client, table.Name, ct), table);
            var secrets = LiveSecrets.For(catalog, table);
            var items = declared.Select(item => Compare(catalog, table, item, live, secrets)).ToList();
            var declaredIds = declared.Select(i => TableKeys.Of(table, i)).ToHashSet();
            var undeclared = live.Keys.Where(k => !declaredIds.Contains(k)).Select(k => $"{k}").Order(StringComparer.Ordinal).ToList();
            tables.Add(new AdoptTable(table, true, true, SettingDifferences(table, description, peers ?? PeerCommands.None), items, undeclared)
            {
                Notes = await TagNotesAsync(client, table, description, ct),
                UndeclaredNeedingSeed = live.Where(kv => !declaredIds.Contains(kv.Key) && StackItemsExport.Unholdable(kv.Value) is not null).Select(kv => $"{kv.Key}").ToHashSet(),
                UndeclaredRefused = UndeclaredRefused(catalog, table, live.Where(kv => !declaredIds.Contains(kv.Key)).ToList()),
            });
        }

        if (liveCapacities.Count > 1)
        {
            // academy:billingMode and the capacities set every table: taking one table's live setting
            // would make the other differ, and adopt would then offer to set it back.
            tables = tables.Select(t => t with { SettingDifferences = t.SettingDifferences.Select(d => d with { TakeLive = null }).ToList() }).ToList();
        }

        return new AdoptReport(catalog.Settings.User, tables) { ItemsEncrypted = catalog.Settings.ItemsUnreadable };
    }

    // A table's live billing as SettingDifferences reads it (no mode means PROVISIONED); capacities only count when provisioned.
    private static (string Mode, long Read, long Write) LiveBilling(TableDescription live) =>
        (live.BillingModeSummary?.BillingMode?.Value ?? "PROVISIONED", live.ProvisionedThroughput?.ReadCapacityUnits ?? 0, live.ProvisionedThroughput?.WriteCapacityUnits ?? 0);

    private static string LiveCapacity(TableDescription live) =>
        LiveBilling(live) is var (mode, read, write) && mode == "PROVISIONED" ? $"{mode} {read}/{write}" : mode;

    private static AdoptItem Compare(Academy.Catalog.Catalog catalog, TableSpec table, Academy.Catalog.Items.CatalogItem item, Dictionary<Academy.Catalog.Items.ItemKey, Dictionary<string, AttributeValue>> live, LiveSecrets secrets)
    {
        if (!live.TryGetValue(TableKeys.Of(table, item), out var current))
        {
            return new AdoptItem(item, AdoptItemState.Missing, []);
        }

        if (item.HashKeyValue.Contains(',', StringComparison.Ordinal) || item.RangeKeyValue?.Contains(',', StringComparison.Ordinal) == true)
        {
            return new AdoptItem(item, AdoptItemState.KeyNotImportable, []);
        }

        if (item.Secret)
        {
            return new AdoptItem(item, AdoptItemState.Secret, []);
        }

        var differences = secrets.Shown(current, ItemDiff.Differences(item.Attributes, current)).Select(d => d.Describe()).ToList();
        return new AdoptItem(item, differences.Count == 0 ? AdoptItemState.Identical : AdoptItemState.Differs, differences)
        {
            LiveNeedsSeed = StackItemsExport.Unholdable(current) is not null,
            // What export would refuse, found here, so adopt never offers a way out that fails.
            LiveRefused = differences.Count == 0 ? null : Refused(catalog, item with { Attributes = current, Source = $"live table {table.Name}" }, item),
        };
    }

    // Most undeclared items checked against the catalog one by one: each check runs the catalog's
    // cross-item rules, and past this many strays export's own refusal says it.
    private const int MaxUndeclaredChecked = 200;

    // Why export would refuse each undeclared live item, by key: what the catalog with it added breaks.
    private static Dictionary<string, string> UndeclaredRefused(
        Academy.Catalog.Catalog catalog, TableSpec table, List<KeyValuePair<Academy.Catalog.Items.ItemKey, Dictionary<string, AttributeValue>>> undeclared)
    {
        var refused = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, attributes) in undeclared.Take(MaxUndeclaredChecked))
        {
            var added = new Academy.Catalog.Items.CatalogItem
            {
                TableKey = table.Key,
                HashKeyValue = key.Hash,
                RangeKeyValue = key.Range,
                Attributes = attributes,
                Source = $"live table {table.Name}",
            };
            if (Refused(catalog, added, null) is { } problem)
            {
                refused[$"{key}"] = problem;
            }
        }

        return refused;
    }

    // The first problem of the catalog with `live` in place of `replaced` (or added): what export would refuse.
    private static string? Refused(Academy.Catalog.Catalog catalog, Academy.Catalog.Items.CatalogItem live, Academy.Catalog.Items.CatalogItem? replaced) =>
        CatalogRecheck.Problems(catalog with
        {
            Items = [.. catalog.Items.Where(i => !ReferenceEquals(i, replaced)), live],
        }).FirstOrDefault()?.ToString();

    // Billing and capacities are what `pulumi up` compares on import besides the keys.
    private static List<TableDifference> SettingDifferences(TableSpec table, TableDescription live, PeerCommands peers)
    {
        var (liveMode, liveRead, liveWrite) = LiveBilling(live);
        var declaredMode = table.Options.BillingMode.ToApiName();
        var read = table.Options.ReadCapacity ?? 1;
        var write = table.Options.WriteCapacity ?? 1;
        var update = peers.Aws("update-table", string.Join(' ', Hints.OptionWords("--table-name", table.Name)));
        var throughput = $"--provisioned-throughput ReadCapacityUnits={read},WriteCapacityUnits={write}";
        string Set(ConfigOption key, object value) => peers.PulumiConfigSet($"{key.FullKey} {value}");

        if (liveMode != declaredMode)
        {
            var takeLive = Set(ConfigKeys.BillingMode, liveMode)
                + (liveMode == "PROVISIONED" ? $" && {Set(ConfigKeys.ReadCapacity, liveRead)} && {Set(ConfigKeys.WriteCapacity, liveWrite)}" : "");
            var match = $"{update} --billing-mode {declaredMode}" + (table.Options.BillingMode == BillingMode.Provisioned ? " " + throughput : "");
            return [new TableDifference($"billing mode: catalog {declaredMode} ({ConfigKeys.BillingMode.FullKey}), live {liveMode}", takeLive, match)];
        }

        var differences = new List<TableDifference>();
        if (table.Options.BillingMode == BillingMode.Provisioned && liveRead != read)
        {
            differences.Add(new TableDifference($"read capacity: catalog {read} ({ConfigKeys.ReadCapacity.FullKey}), live {liveRead}", Set(ConfigKeys.ReadCapacity, liveRead), $"{update} {throughput}"));
        }

        if (table.Options.BillingMode == BillingMode.Provisioned && liveWrite != write)
        {
            differences.Add(new TableDifference($"write capacity: catalog {write} ({ConfigKeys.WriteCapacity.FullKey}), live {liveWrite}", Set(ConfigKeys.WriteCapacity, liveWrite), $"{update} {throughput}"));
        }

        return differences;
    }

    // A table made by hand has none of the catalog's tags; pulumi up adds them after the import, which changes no data.
    private static async Task<List<string>> TagNotesAsync(IAmazonDynamoDB client, TableSpec table, TableDescription live, CancellationToken ct)
    {
        var tags = new SortedDictionary<string, string>(StringComparer.Ordinal);
        try
        {
            string? next = null;
            do
            {
                var page = await client.ListTagsOfResourceAsync(new ListTagsOfResourceRequest { ResourceArn = live.TableArn, NextToken = next }, ct);
                foreach (var tag in page.Tags ?? [])
                {
                    tags[tag.Key] = tag.Value;
                }

                next = page.NextToken;
            }
            while (next is not null);
        }
        catch (AmazonDynamoDBException e)
        {
            return [$"tags: cannot be read ({e.ErrorCode}); pulumi up sets the catalog's tags after the import"];
        }

        string Text(IEnumerable<KeyValuePair<string, string>> pairs) =>
            pairs.Any() ? string.Join(", ", pairs.Select(kv => $"{kv.Key}={Plan.Masking.LiveTag(table.Options, kv.Key, kv.Value)}")) : "none";

        return tags.SequenceEqual(table.Options.Tags.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            ? []
            : [$"tags: catalog {Text(table.Options.Tags.OrderBy(kv => kv.Key, StringComparer.Ordinal))}, live {Text(tags)}; pulumi up sets the catalog's tags right after the import (tags only, no data)"];
    }
}
