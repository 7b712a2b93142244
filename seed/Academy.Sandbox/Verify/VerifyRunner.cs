using Academy.Catalog;
using Academy.Sandbox.Compare;
using Academy.Sandbox.Engine;
using Amazon.DynamoDBv2;

namespace Academy.Sandbox.Verify;

/// <summary>Compares the live tables with the catalog, item by item and attribute by attribute.</summary>
public static class VerifyRunner
{
    /// <summary>Prints every difference and returns how many tables or items drifted (0 = in step).</summary>
    public static async Task<int> RunAsync(IAmazonDynamoDB client, Academy.Catalog.Catalog catalog, TextWriter output, CancellationToken ct)
    {
        var drift = 0;
        foreach (var table in catalog.Tables)
        {
            var description = await LiveTable.DescribeAsync(client, table.Name, ct);
            if (description is null)
            {
                output.WriteLine($"  {table.Name}: missing table (the catalog declares {catalog.ItemsOf(table.Key).Count()} item(s))");
                drift++;
                continue;
            }

            var live = (await LiveTable.ScanAsync(client, table.Name, ct)).ToDictionary(i => TableKeys.Of(table, i));
            var declared = catalog.ItemsOf(table.Key).ToDictionary(i => TableKeys.Of(table, i));
            var lines = new List<string>();
            var matching = 0;
            var skipped = new List<string>();
            foreach (var (key, item) in declared)
            {
                if (!live.TryGetValue(key, out var current))
                {
                    if (item.Secret)
                    {
                        // `up` never writes ciphertext, so its absence here is expected, not drift.
                        skipped.Add($"    skipped   {item.LogicalName} (declared in {item.Source}; secret, so the sandbox leaves it to `pulumi up`)");
                        continue;
                    }

                    lines.Add($"    missing   {item.LogicalName} (declared in {item.Source})");
                    continue;
                }

                if (item.Secret)
                {
                    matching++; // present; its values are ciphertext here and cannot be compared
                    continue;
                }

                var differences = ItemDiff.Differences(item.Attributes, current, mask: false);
                if (differences.Count == 0)
                {
                    matching++;
                    continue;
                }

                lines.Add($"    differs   {item.LogicalName} (declared in {item.Source})");
                lines.AddRange(differences.Select(d => $"      {d}"));
            }

            foreach (var key in live.Keys.Where(k => !declared.ContainsKey(k)).Order(StringComparer.Ordinal))
            {
                lines.Add($"    extra     {table.Key}-{key} (not declared; `up --prune` deletes it)");
            }

            var problems = lines.Count(l => !l.StartsWith("      ", StringComparison.Ordinal));
            drift += problems;
            output.WriteLine($"  {table.Name}: {matching:N0} item(s) match{(problems > 0 ? $", {problems} differ" : "")}{(skipped.Count > 0 ? $", {skipped.Count} skipped (secret)" : "")}");
            foreach (var line in skipped.Concat(lines))
            {
                output.WriteLine(line);
            }
        }

        return drift;
    }
}
