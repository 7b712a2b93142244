using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Engine;

/// <summary>
/// Scans of live tables started early, while the caller still builds the catalog: on two cores the
/// engine's scan and the catalog's checks then run side by side instead of one after the other
/// (docs/performance.md). An early scan stands in for the one the caller would make only when it is
/// as good as that one: it succeeded, the table it read is the table the caller has just described
/// (same creation time and keys, still ACTIVE), and it is no older than a fresh scan would take to
/// make. Otherwise (a failure, a table deleted, re-created or changed, a catalog that took long to
/// check) the caller scans again, so it plans from the same view as if it had read the table itself.
/// </summary>
public sealed class LiveReads : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Dictionary<string, Task<EarlyScan?>> _scans;

    private LiveReads(IAmazonDynamoDB client, IEnumerable<string> tables, CancellationToken ct)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var token = _stop.Token;
        // Off the caller's thread: the SDK's first request does its set-up synchronously, which must
        // not delay the catalog's checks (or a catalog problem's message).
        _scans = tables.Distinct(StringComparer.Ordinal).ToDictionary(
            name => name,
            name => Observed(Task.Run(() => ScanWhenActiveAsync(client, name, token), token)),
            StringComparer.Ordinal);
    }

    /// <summary>No early scans: every table is scanned when it is planned.</summary>
    public static LiveReads None { get; } = new(null!, [], CancellationToken.None);

    public static LiveReads Start(IAmazonDynamoDB client, IEnumerable<string> tables, CancellationToken ct) =>
        ct.IsCancellationRequested ? None : new(client, tables, ct);

    /// <summary>
    /// Every item of the ACTIVE table <paramref name="described"/> (just described by the caller): the
    /// early scan's when it is as good as a fresh one, else a fresh scan.
    /// </summary>
    public async Task<List<Dictionary<string, AttributeValue>>> ScanAsync(IAmazonDynamoDB client, string table, TableDescription described, CancellationToken ct)
    {
        if (_scans.TryGetValue(table, out var early))
        {
            try
            {
                if (await early.WaitAsync(ct) is { } scan && scan.StandsFor(described))
                {
                    return scan.Items;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // A failure of back then (an engine not up yet, a table being deleted) says nothing about now.
            }
        }

        return await LiveTable.ScanAsync(client, table, ct);
    }

    /// <summary>Ends when every early read has ended, however (for tests that change a table after it).</summary>
    internal Task Settled() => Task.WhenAll(_scans.Values.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));

    /// <summary>Stops the scans nobody awaited (the catalog had a problem), so none outlives the command.</summary>
    public void Dispose()
    {
        if (!ReferenceEquals(this, None))
        {
            _stop.Cancel();
        }
    }

    private static async Task<EarlyScan?> ScanWhenActiveAsync(IAmazonDynamoDB client, string table, CancellationToken ct)
    {
        var description = await LiveTable.DescribeAsync(client, table, ct);
        if (description?.TableStatus != TableStatus.ACTIVE)
        {
            return null; // missing or not ready: the caller creates it or waits for it, and scans then
        }

        var started = Stopwatch.GetTimestamp();
        var items = await LiveTable.ScanAsync(client, table, ct);
        return new EarlyScan(description, items, started, Stopwatch.GetTimestamp());
    }

    // Failures are the caller's to see when it asks; one nobody asks for must not surface as an unobserved exception.
    private static Task<T> Observed<T>(Task<T> task)
    {
        _ = task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return task;
    }

    private sealed record EarlyScan(TableDescription Table, List<Dictionary<string, AttributeValue>> Items, long Started, long Finished)
    {
        /// <summary>
        /// The same table (a table deleted and created again has a new creation time), and read no longer
        /// ago than reading it again would take: then the early view is as recent as a fresh one.
        /// </summary>
        public bool StandsFor(TableDescription described) =>
            described.TableStatus == TableStatus.ACTIVE
            && described.CreationDateTime == Table.CreationDateTime
            && described.TableArn == Table.TableArn
            && Keys(described) == Keys(Table)
            && Stopwatch.GetElapsedTime(Finished) <= Stopwatch.GetElapsedTime(Started, Finished);

        private static string Keys(TableDescription table) =>
            string.Join(",", (table.KeySchema ?? []).Select(k => $"{k.AttributeName}:{k.KeyType}"))
            + "|" + string.Join(",", (table.AttributeDefinitions ?? []).Select(a => $"{a.AttributeName}:{a.AttributeType}"));
    }
}
