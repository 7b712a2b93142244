using System.Diagnostics;
using Academy.Catalog;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Compare;
using Academy.Sandbox.Engine;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Up;

/// <summary>
/// Makes the live tables hold what the catalog declares: creates missing tables, writes only items
/// that are missing or differ (so a second run writes nothing), and deletes undeclared items only
/// when asked to.
/// </summary>
public sealed class UpRunner(IAmazonDynamoDB client, TextWriter output, int concurrency, Backoff? backoff = null)
{
    /// <summary>Runs with at least this many writes in a table get a progress line about once a second.</summary>
    public const int ProgressThreshold = 1000;

    private readonly object _outputLock = new();

    public async Task<UpResult> RunAsync(Academy.Catalog.Catalog catalog, bool prune, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var writer = new BatchWriter(client, concurrency, backoff ?? Backoff.Default);
        var results = new List<TableUpResult>();
        foreach (var table in catalog.Tables)
        {
            var created = await TableProvisioner.EnsureAsync(client, table, Say, ct);
            Say($"  table {table.Name}: {(created ? "created, ACTIVE" : "exists, key schema matches")}");

            var live = (await LiveTable.ScanAsync(client, table.Name, ct)).ToDictionary(i => TableKeys.Of(table, i));
            var declared = catalog.ItemsOf(table.Key).ToList();
            var puts = new List<WriteRequest>();
            var unchanged = 0;
            var skipped = 0;
            foreach (var item in declared)
            {
                if (item.Secret)
                {
                    skipped++;
                    Say($"  skipped {item.LogicalName}: it comes from a Pulumi secret ({item.Source}), which only the Pulumi CLI can decrypt; the sandbox never writes ciphertext");
                    continue;
                }

                if (live.TryGetValue(TableKeys.Of(table, item), out var current) && AttributeValues.ItemsEqual(item.Attributes, current))
                {
                    unchanged++;
                    continue;
                }

                puts.Add(new WriteRequest { PutRequest = new PutRequest { Item = item.Attributes.ToDictionary() } });
            }

            var declaredKeys = declared.Select(i => TableKeys.Of(table, i)).ToHashSet(StringComparer.Ordinal);
            var undeclared = live.Where(kv => !declaredKeys.Contains(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
            var deletes = prune
                ? undeclared.Select(kv => new WriteRequest { DeleteRequest = new DeleteRequest { Key = TableKeys.KeyAttributes(table, kv.Value) } }).ToList()
                : [];

            var total = puts.Count + deletes.Count;
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
                await writer.WriteAsync(table.Name, [.. puts, .. deletes], Progress, ct);
            }
            catch (Exception e)
            {
                Say(UpStopped.Progress(table, done, total, catalog.Tables.SkipWhile(t => t != table).Skip(1)));
                if (e is WriteRefusedException refused)
                {
                    throw new SandboxException(UpStopped.Refused(refused, table, declared));
                }

                throw;
            }

            var kept = prune ? [] : undeclared.Select(kv => kv.Key).ToList();
            Say($"  {table.Key}: {puts.Count:N0} written, {unchanged:N0} unchanged"
                + (skipped > 0 ? $", {skipped:N0} skipped (secret)" : "")
                + (prune ? $", {deletes.Count:N0} pruned" : ""));
            if (kept.Count > 0)
            {
                Say($"  {table.Key}: kept {kept.Count:N0} item(s) the catalog does not declare (delete them with --prune): {string.Join(", ", kept.Take(20))}{(kept.Count > 20 ? ", ..." : "")}");
            }

            results.Add(new TableUpResult(table.Key, table.Name, created, puts.Count, unchanged, skipped, deletes.Count, kept));
        }

        return new UpResult(results, writer.Retries, clock.Elapsed);
    }

    private void Say(string line)
    {
        lock (_outputLock)
        {
            output.WriteLine(line);
        }
    }
}
