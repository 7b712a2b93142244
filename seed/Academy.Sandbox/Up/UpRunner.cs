using System.Diagnostics;
using Academy.Catalog.Settings;
using Academy.Catalog.Tables;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Compare;
using Academy.Sandbox.Engine;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Up;

/// <summary>
/// Makes the live tables hold what the catalog declares: creates missing tables, writes only items
/// that are missing or differ (so a second run writes nothing), and deletes undeclared items only
/// when asked to. Every table is read and checked before anything is written, so a refusal (keys
/// that differ, a prune that needs --yes) leaves every table as it was.
/// </summary>
public sealed class UpRunner(IAmazonDynamoDB client, TextWriter output, int concurrency, Backoff? backoff = null, Hints? hints = null)
{
    /// <summary>Runs with at least this many writes in a table get a progress line about once a second.</summary>
    public const int ProgressThreshold = 1000;

    private readonly object _outputLock = new();
    private readonly Hints _hints = hints ?? Hints.None;

    /// <summary>With --prune: delete even when that empties a table or takes more than half of its items (--yes).</summary>
    public bool PruneConfirmed { get; init; }

    /// <summary>How often a wait for a table to become ACTIVE says so (tests shorten it).</summary>
    public TimeSpan WaitNoteEvery { get; init; } = WaitNote.DefaultEvery;

    /// <summary>Scans of the tables started before the catalog was built (<see cref="LiveReads"/>), used where they are as good as a fresh one; by default each table is scanned when planned.</summary>
    public LiveReads Reads { get; init; } = LiveReads.None;

    public async Task<UpResult> RunAsync(Academy.Catalog.Catalog catalog, bool prune, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var plans = await PlanAsync(catalog, prune, ct);
        foreach (var state in plans.Select(p => p.State).OfType<string>())
        {
            Say($"  {state}");
        }

        if (!PruneConfirmed)
        {
            PruneGuard.Check(plans, _hints);
        }

        var writer = new BatchWriter(client, concurrency, backoff ?? Backoff.Default, _hints);
        var results = new List<TableUpResult>();
        for (var i = 0; i < plans.Count; i++)
        {
            var notReached = plans.Skip(i + 1).Select(p => p.Table);
            results.Add(await ApplyAsync(plans[i], catalog.ItemsOf(plans[i].Table.Key), notReached, prune, catalog.Settings.ItemsUnreadable, writer, clock, ct));
        }

        return new UpResult(results, writer.Retries, clock.Elapsed);
    }

    /// <summary>
    /// Reads every table and works out what `up` would write and delete, writing nothing: `up` applies
    /// it, `plan` with a target prints it. Refuses (before any write) what `up` always refuses.
    /// </summary>
    public async Task<List<TablePlan>> PlanAsync(Academy.Catalog.Catalog catalog, bool prune, CancellationToken ct)
    {
        if (prune && catalog.Settings.ItemsUnreadable)
        {
            // The items that key declares are unknown here, so every one of them would look undeclared.
            throw new SandboxException(
                $"error: up --prune refused: {ConfigKeys.Items.FullKey} is encrypted in the stack file, so the sandbox cannot tell which live items it declares "
                + $"and --prune would delete them; nothing was written or deleted. Run {_hints.Command("up")} without --prune, or `pulumi up`, which can decrypt it");
        }

        var plans = new List<TablePlan>();
        foreach (var table in catalog.Tables)
        {
            plans.Add(await PlanAsync(catalog, table, prune, ct));
        }

        return plans;
    }

    private async Task<TablePlan> PlanAsync(Academy.Catalog.Catalog catalog, TableSpec table, bool prune, CancellationToken ct)
    {
        var existing = await LiveTable.DescribeAsync(client, table.Name, ct);
        if (existing?.TableStatus == TableStatus.DELETING)
        {
            // A `down` (one stopped with Ctrl+C, say) is deleting it: once it is gone, it is created afresh.
            await Down.DownRunner.WaitGoneAsync(client, table.Name, ct, Say, WaitNoteEvery);
            existing = null;
        }

        IReadOnlyList<string> settings = [];
        List<Dictionary<string, AttributeValue>> liveItems = [];
        if (existing is not null)
        {
            TableProvisioner.RequireKeys(table, existing, _hints);
            settings = TableSettings.Differences(table, existing);
            if (existing.TableStatus != TableStatus.ACTIVE)
            {
                await TableProvisioner.WaitActiveAsync(client, table.Name, Say, ct, WaitNoteEvery);
                liveItems = await LiveTable.ScanAsync(client, table.Name, ct);
            }
            else
            {
                liveItems = await Reads.ScanAsync(client, table.Name, existing, ct);
            }
        }

        var live = LiveTable.ByKey(liveItems, table);

        var declared = catalog.ItemsOf(table.Key).ToList();
        var secrets = LiveSecrets.For(catalog, table);
        var items = new List<PlannedItem>(declared.Count);
        foreach (var item in declared)
        {
            if (item.Secret)
            {
                items.Add(new PlannedItem(item, ItemAction.Skip, []));
            }
            else if (!live.TryGetValue(TableKeys.Of(table, item), out var current))
            {
                items.Add(new PlannedItem(item, ItemAction.Create, []));
            }
            else if (AttributeValues.ItemsEqual(item.Attributes, current))
            {
                items.Add(new PlannedItem(item, ItemAction.Unchanged, []));
            }
            else
            {
                items.Add(new PlannedItem(item, ItemAction.Update, secrets.Shown(current, ItemDiff.Differences(item.Attributes, current))));
            }
        }

        var declaredKeys = declared.Select(i => TableKeys.Of(table, i)).ToHashSet();
        var undeclared = live.Where(kv => !declaredKeys.Contains(kv.Key)).OrderBy(kv => kv.Key.ToString(), StringComparer.Ordinal).ToList();
        var deletes = prune
            ? undeclared.Select(kv => new WriteRequest { DeleteRequest = new DeleteRequest { Key = TableKeys.KeyAttributes(table, kv.Value) } }).ToList()
            : [];
        return new TablePlan(table, existing is not null, settings, live.Count, items, undeclared.Select(kv => kv.Key.ToString()).ToList(), deletes);
    }

    private async Task<TableUpResult> ApplyAsync(
        TablePlan plan, IEnumerable<Academy.Catalog.Items.CatalogItem> declared, IEnumerable<TableSpec> notReached, bool prune, bool itemsEncrypted, BatchWriter writer, Stopwatch clock, CancellationToken ct)
    {
        var table = plan.Table;
        var created = false;
        if (!plan.Exists)
        {
            created = await TableProvisioner.CreateAsync(client, table, Say, _hints, ct, WaitNoteEvery);
            Say(created
                ? $"  table {table.Name}: created, ACTIVE"
                : $"  table {table.Name}: already existed (another run created it after this one looked; its key is the catalog's), ACTIVE");
        }

        foreach (var secret in plan.SkippedSecret)
        {
            Say($"  skipped {secret}: it comes from a Pulumi secret, which only the Pulumi CLI can decrypt; the sandbox never writes ciphertext");
        }

        var total = plan.Puts.Count + plan.Deletes.Count;
        var done = 0;
        var lastReport = Stopwatch.StartNew();
        void Progress(int count)
        {
            var now = Interlocked.Add(ref done, count);
            if (total >= ProgressThreshold && lastReport.Elapsed >= TimeSpan.FromSeconds(1) && now < total)
            {
                lastReport.Restart();
                Say($"  {table.Key}: {now:N0}/{total:N0} writes done ({clock.Elapsed.TotalSeconds:0.0} s)");
            }
        }

        try
        {
            await writer.WriteAsync(table.Name, [.. plan.Puts, .. plan.Deletes], Progress, ct);
        }
        catch (Exception e)
        {
            // Never stop halfway without saying what was done and what was not.
            Say(UpStopped.Progress(table, done, total, notReached));
            if (e is WriteRefusedException refused)
            {
                throw new SandboxException(UpStopped.Refused(refused, table, declared));
            }

            throw;
        }

        Say($"  {table.Key}: {plan.Puts.Count:N0} written, {plan.Unchanged:N0} unchanged"
            + (plan.SkippedSecret.Count > 0 ? $", {plan.SkippedSecret.Count:N0} skipped (secret)" : "")
            + (prune ? $", {plan.Deletes.Count:N0} pruned" : ""));
        var kept = prune ? [] : plan.Undeclared;
        if (kept.Count > 0)
        {
            Say($"  {table.Key}: kept {kept.Count:N0} item(s) the catalog does not declare ({_hints.DeletesExtras(itemsEncrypted, "them")}): {Listing.Names(kept)}");
        }

        return new TableUpResult(table.Key, table.Name, created, plan.Settings, plan.Puts.Count, plan.Unchanged, plan.SkippedSecret.Count, plan.Deletes.Count, kept);
    }

    private void Say(string line)
    {
        lock (_outputLock)
        {
            output.WriteLine(line);
        }
    }
}
