using Academy.Sandbox.Verify;
using Amazon.DynamoDBv2;

namespace Academy.Sandbox.Report;

/// <summary>
/// A learner's drift, counted from <see cref="VerifyRunner"/>'s own comparison so the report and
/// `verify` can never disagree. Verify reports as text here, one line per difference under its
/// table; this is the one place that turns those lines into counts (when verify returns its findings
/// as data, only this file changes).
/// </summary>
public static class VerifyDrift
{
    private const string TableIndent = "  ";
    private const string ItemIndent = "    ";

    public static async Task<LearnerDrift> ReadAsync(IAmazonDynamoDB client, Academy.Catalog.Catalog catalog, CancellationToken ct)
    {
        var text = new StringWriter();
        var total = await VerifyRunner.RunAsync(client, catalog, text, ct);
        var lines = text.ToString().Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        return new LearnerDrift(Count(catalog, lines), total, lines);
    }

    // Verify lists the catalog's tables in order, each under a line "  <table name>: ...", and each
    // difference under it as "    missing   ...", "    differs   ...", "    extra     ..." or
    // "    setting   ...". A value inside a line (an item's key may hold a line break) can start a
    // line of its own, so a table heading counts only when it is the next table verify would list.
    private static List<TableDrift> Count(Academy.Catalog.Catalog catalog, List<string> lines)
    {
        var tables = new List<TableDrift>();
        var next = 0;
        foreach (var line in lines)
        {
            if (next < catalog.Tables.Count && line.StartsWith($"{TableIndent}{catalog.Tables[next].Name}: ", StringComparison.Ordinal))
            {
                var table = catalog.Tables[next++];
                var declared = catalog.ItemsOf(table.Key).Count();
                var exists = !line.StartsWith($"{TableIndent}{table.Name}: missing table", StringComparison.Ordinal);
                tables.Add(new TableDrift(table.Key, table.Name, exists, declared, 0, 0, 0, 0, []));
                continue;
            }

            if (tables.Count == 0 || !line.StartsWith(ItemIndent, StringComparison.Ordinal) || line.StartsWith(ItemIndent + " ", StringComparison.Ordinal))
            {
                continue;
            }

            var current = tables[^1];
            var entry = line[ItemIndent.Length..];
            tables[^1] = Word(entry) switch
            {
                "missing" => current with { Missing = current.Missing + 1 },
                "differs" => current with { Differs = current.Differs + 1 },
                "extra" => current with { Extra = current.Extra + 1 },
                "setting" => current with { Settings = [.. current.Settings, entry["setting".Length..].Trim()] },
                _ => current,
            };
        }

        // A missing table misses every item it declares; elsewhere every declared item is present
        // unless listed missing, and the extras come on top.
        return tables.Select(t => t.Exists ? t with { Live = t.Declared - t.Missing + t.Extra } : t with { Missing = t.Declared }).ToList();
    }

    private static string Word(string entry) => entry.Split(' ', 2)[0];
}
