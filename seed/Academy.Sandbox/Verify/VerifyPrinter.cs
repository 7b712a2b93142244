using Academy.Catalog.Errors;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Compare;

namespace Academy.Sandbox.Verify;

/// <summary>`verify` output: every difference in text (long listings capped), or one JSON document.</summary>
public static class VerifyPrinter
{
    public static void Text(VerifyReport report, Hints hints, TextWriter output)
    {
        output.WriteLine($"verify: learner {report.User} at {report.Target}");
        foreach (var table in report.Tables)
        {
            if (!table.Exists)
            {
                output.WriteLine($"  {table.Name}: missing table (the catalog declares {table.Declared:N0} item(s))");
                continue;
            }

            if (table.KeysDiffer)
            {
                output.WriteLine($"  {table.Name}: its key differs from the catalog's, so its {table.Live:N0} item(s) are not compared; `up` refuses to write into it (delete the table or name another learner)");
            }
            else
            {
                var differing = table.Items.Count;
                output.WriteLine($"  {table.Name}: {table.Matching:N0} item(s) match{(differing > 0 ? $", {differing:N0} differ" : "")}"
                    + (table.Skipped.Count > 0 ? $", {table.Skipped.Count:N0} skipped (secret)" : ""));
            }

            foreach (var setting in table.Settings)
            {
                output.WriteLine($"    setting   {setting}");
            }

            var (shown, more) = Listing.Cap([.. table.Skipped, .. table.Items], i => i.State.ToString().ToLowerInvariant());
            foreach (var item in shown)
            {
                WriteItem(item, report.PruneRefused, output);
            }

            if (more is not null)
            {
                output.WriteLine($"    {more}");
            }
        }

        output.WriteLine(report.InStep ? "in step: the live tables hold exactly what the catalog declares" : $"drift: {report.Drift:N0} difference(s); {WhatFixesIt([report], hints)}");
    }

    /// <summary>What clears the drift of these reports (one learner's, or every drifted learner's of a course), as the hints to run.</summary>
    public static string WhatFixesIt(IReadOnlyCollection<VerifyReport> reports, Hints hints)
    {
        var tables = reports.SelectMany(r => r.Tables).ToList();
        var items = tables.SelectMany(t => t.Items).ToList();
        var ways = new List<string>();
        if (items.Count > 0 || tables.Any(t => !t.Exists))
        {
            ways.Add($"{hints.Command("up")} writes what is missing or different");
        }

        if (items.Any(i => i.State == ItemState.Extra))
        {
            // Extras may be the encrypted academy:items' own, which is why up refuses --prune then.
            ways.Add(reports.Any(r => r.PruneRefused) ? $"extras stay ({Hints.EncryptedItemsKeep("them")})" : $"{hints.Command("up", "--prune")} also deletes extras");
        }

        if (tables.Any(t => t.Settings.Count > 0 && !t.KeysDiffer))
        {
            ways.Add("`pulumi up` applies the catalog's table settings (`up` never changes an existing table)");
        }

        if (tables.Any(t => t.KeysDiffer))
        {
            ways.Add("but `up` refuses while a table's key differs: delete that table or name another learner");
        }

        return string.Join(", ", ways);
    }

    public static void Json(VerifyReport report, TextWriter output) => JsonOutput.Write(output, Document(report));

    /// <summary>The `verify --json` document of one learner, also embedded per learner in the course's.</summary>
    public static object Document(VerifyReport report) => new { report.User, report.Target, report.InStep, report.Drift, report.Tables };

    private static void WriteItem(ItemDrift drift, bool itemsEncrypted, TextWriter output)
    {
        // Keys read back from the table may hold line feeds and controls: quoted escaped, on one line.
        var item = drift with { Item = Excerpt.Escape(drift.Item) };
        switch (item.State)
        {
            case ItemState.Missing:
                output.WriteLine($"    missing   {item.Item} (declared in {item.Source}{(item.Secret ? "; secret, so `up` leaves it to Pulumi" : "")})");
                break;
            case ItemState.Skipped:
                output.WriteLine($"    skipped   {item.Item} (declared in {item.Source}; secret, so the sandbox leaves it to `pulumi up`)");
                break;
            case ItemState.Extra:
                output.WriteLine($"    extra     {item.Item} (not declared; {(itemsEncrypted ? Hints.EncryptedItemsKeep("it") : "`up --prune` deletes it")})");
                break;
            default:
                output.WriteLine($"    differs   {item.Item} (declared in {item.Source})");
                var (shown, more) = Listing.Cap(item.Attributes, a => a.Change.ToString());
                foreach (var attribute in shown)
                {
                    output.WriteLine($"      {attribute.Describe()}");
                }

                if (more is not null)
                {
                    output.WriteLine($"      {more}");
                }

                break;
        }
    }
}
