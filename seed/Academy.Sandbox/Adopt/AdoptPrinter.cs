using Academy.Sandbox.Cli;
using Academy.Sandbox.Config;

namespace Academy.Sandbox.Adopt;

/// <summary>Prints what `adopt` found, the two ways out of every difference, and the academy:adopt config.</summary>
public static class AdoptPrinter
{
    // While academy:items is encrypted export refuses to write it; the Pulumi CLI can decrypt it.
    private const string EncryptedItems = "add it to academy:items with `pulumi config` (it is encrypted in the stack file, so export cannot)";

    /// <param name="hints">Suggested commands carry the options of this run (such as --stack alice --aws).</param>
    /// <param name="stack">The learner's stack (--stack); without one, the stack named like the learner, where export keeps their own values.</param>
    public static void Findings(AdoptReport report, string target, Hints hints, TextWriter output, string? stack = null)
    {
        var sandbox = (string verb) => hints.Command(verb);
        stack ??= report.User;
        // Into the learner's academy:items; an item holding sets or binary, which academy:items cannot hold, into the seed files.
        var keep = (string table, string key, bool seed) => !seed && PulumiStackName.Problem(stack) is not null
            ? "export with --stack naming a stack of yours (the learner's name is no Pulumi stack name: at most 100 letters, digits, '-', '_' or '.')"
            : Hints.CanQuote(key)
            ? hints.WithStack(stack).Command("export", [.. seed ? ["--seed"] : Array.Empty<string>(), .. Export.ExportScope.HintWords(table, key)])
            : $"(no command line can carry its key, which holds a NUL character) {hints.WithStack(stack).Command("export", [.. seed ? ["--seed"] : Array.Empty<string>(), .. Hints.OptionWords("--table", table)])}, the whole table,";
        var where = (bool seed) => seed
            ? "into the shared seed files (it holds sets or binary, which academy:items cannot)"
            : $"into academy:items in {PulumiStackName.FileName(stack)} (your own catalog; the shared seed files stay as they are)";
        output.WriteLine($"adopt: learner {report.User} at {target} (reads only: nothing in DynamoDB is written or deleted)");
        foreach (var table in report.Tables)
        {
            var name = table.Table.Name;
            if (!table.Exists)
            {
                output.WriteLine($"  table {name}: does not exist; pulumi up creates it and its {table.Items.Count} item(s)");
                continue;
            }

            if (!table.KeysMatch)
            {
                output.WriteLine($"  table {name}: exists but cannot be taken over: {table.SettingDifferences[0].Text}");
                output.WriteLine($"    way out: delete it with {hints.Command("down", "--table", table.Table.Key)} (its items go with it, the other table stays; pulumi up then creates it), or use another {Academy.Catalog.Settings.ConfigKeys.User.FullKey}");
                continue;
            }

            output.WriteLine(table.Listed
                ? $"  table {name}: exists, keys and billing match; import"
                : $"  table {name}: exists, keys match; not listed until its settings match (pulumi would change them right after importing), nor are its items");
            foreach (var note in table.Notes)
            {
                output.WriteLine($"    note      {note}");
            }

            foreach (var difference in table.SettingDifferences)
            {
                output.WriteLine($"    differs   {difference.Text}");
                if (difference.TakeLive is null)
                {
                    output.WriteLine($"      make the live table match:         {difference.MatchCatalog}");
                    output.WriteLine("      (taking the live setting into config cannot work here: the key sets every table, and your live tables differ from each other)");
                }
                else
                {
                    output.WriteLine($"      take the live setting into config: {difference.TakeLive}");
                    output.WriteLine($"      or make the live table match:      {difference.MatchCatalog}");
                }
            }

            foreach (var item in table.Items)
            {
                var label = Academy.Catalog.Errors.Excerpt.Escape(item.Item.LogicalName); // a live key may hold a line feed
                switch (item.State)
                {
                    case AdoptItemState.Identical when table.Listed:
                        output.WriteLine($"    identical {label}: import");
                        break;
                    case AdoptItemState.Identical:
                        output.WriteLine($"    identical {label}: import once its table is listed");
                        break;
                    case AdoptItemState.Missing:
                        output.WriteLine($"    missing   {label}: pulumi up creates it");
                        break;
                    case AdoptItemState.Secret:
                        output.WriteLine($"    secret    {label}: exists; declared by a secret {Academy.Catalog.Settings.ConfigKeys.Items.FullKey} value the sandbox cannot decrypt, so not compared and not listed; if you know it is identical, add its key to {AdoptConfig.FullKey}.{table.Table.Key}");
                        break;
                    case AdoptItemState.KeyNotImportable:
                        output.WriteLine($"    blocked   {label}: exists, but its key holds ',', which an import id cannot carry; rename the key in the catalog, or delete the live item so pulumi up creates it");
                        break;
                    default:
                        output.WriteLine($"    differs   {label} (declared in {item.Item.Source}): not listed until resolved");
                        foreach (var line in item.Differences)
                        {
                            output.WriteLine($"      {line}");
                        }

                        output.WriteLine($"      make the live item match the catalog: {sandbox("up")} (without --prune) writes the catalog's item");
                        output.WriteLine(item.LiveRefused is { } refused
                            ? $"      (taking the live item into the catalog cannot work as it is: {refused}; complete it by hand first, or make it match)"
                            : report.ItemsEncrypted && !item.LiveNeedsSeed
                                ? $"      (to take the live item into the catalog, {EncryptedItems})"
                                : $"      or take the live item into the catalog: {keep(table.Table.Key, item.Item.Key.ToString(), item.LiveNeedsSeed)} writes it {where(item.LiveNeedsSeed)}");
                        break;
                }
            }

            foreach (var key in table.Undeclared)
            {
                var seed = table.UndeclaredNeedingSeed.Contains(key);
                output.WriteLine($"    undeclared {table.Table.Key}-{Academy.Catalog.Errors.Excerpt.Escape(key)}: not in the catalog; left as it is (never deleted), pulumi ignores it; "
                    + (table.UndeclaredRefused.TryGetValue(key, out var refusedItem)
                        ? $"taking it into the catalog cannot work as it is: {refusedItem}"
                        : report.ItemsEncrypted && !seed
                        ? $"to keep it, {EncryptedItems}"
                        : $"{keep(table.Table.Key, key, seed)} takes it {(seed ? "into the shared seed files (it holds sets or binary, which academy:items cannot)" : "into your catalog")}, "
                            + (key.Contains(',', StringComparison.Ordinal)
                                ? "but its key holds ',', which no import id can carry: then delete the live item and pulumi up creates it"
                                : "adopt again imports it")));
            }
        }
    }

    /// <summary>The config: written into <paramref name="stackFile"/> when given, else the lines that set it.</summary>
    /// <param name="createdFor">The stack whose file this run created because it did not exist yet; null when it existed.</param>
    /// <param name="peers">Where the Pulumi commands it suggests act: the stack and project adopt was given.</param>
    public static void Config(AdoptReport report, string? stackFile, TextWriter output, string? createdFor = null, PeerCommands? peers = null)
    {
        var config = report.Config;
        var items = config.Tables.Sum(t => t.Items.Count);
        output.WriteLine();
        if (config.IsEmpty)
        {
            output.WriteLine(report.Tables.Any(t => t.Exists)
                ? $"{AdoptConfig.FullKey}: nothing to import yet; what exists is left out until the differences below are resolved"
                : $"{AdoptConfig.FullKey}: nothing to import; pulumi up creates every table and item");
        }

        if (stackFile is not null && createdFor is not null)
        {
            output.WriteLine($"created {stackFile} (it did not exist) with {AdoptConfig.FullKey} ({config.Tables.Count} table(s), {items} item(s) to import):");
            foreach (var line in config.ToYamlLines("  "))
            {
                output.WriteLine(line);
            }

            output.WriteLine($"{PulumiStackName.InitCommand(createdFor)} creates the stack and keeps this file's config (docs/sandbox.md says how to install Pulumi)");
        }
        else if (stackFile is not null)
        {
            output.WriteLine($"wrote {AdoptConfig.FullKey} into {stackFile} ({config.Tables.Count} table(s), {items} item(s) to import; the rest of the file is unchanged):");
            foreach (var line in config.ToYamlLines("  "))
            {
                output.WriteLine(line);
            }
        }
        else if (!config.IsEmpty)
        {
            output.WriteLine($"{AdoptConfig.FullKey} ({config.Tables.Count} table(s), {items} item(s) to import); set it in your stack with:");
            foreach (var line in config.CliLines(peers))
            {
                output.WriteLine($"  {line}");
            }
        }

        output.WriteLine();
        if (report.Ready)
        {
            peers ??= PeerCommands.None;
            output.WriteLine($"next: `{peers.Pulumi("up")}` imports what is listed and creates the rest; once it succeeded, `{peers.Pulumi("config rm", AdoptConfig.FullKey)}` (Pulumi says to drop import ids after the import)");
        }
        else
        {
            output.WriteLine($"not ready: {report.Blocking} difference(s) above, left out of {AdoptConfig.FullKey}: Pulumi would import a differing resource and then overwrite it with the catalog's, and without an import `pulumi up` fails on it as existing. Resolve each one (the ways out are listed under it), then run adopt again");
        }
    }
}
