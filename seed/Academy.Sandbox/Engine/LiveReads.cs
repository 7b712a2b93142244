using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Engine;

/// <summary>
/// Scans of live tables started early, while the caller still builds the catalog: on two cores the
/// engine's scan and the catalog's checks then run side by side instead of one after the other
/// (docs/performance.md). An early scan stands in for the one the caller would make only when it is
/// as good as that one: it succeeded, the table it read is the table the caller has just described
/// (same creation time and keys, still ACTIVE), and it started at most <see cref="MaxLead"/> before
/// the caller asked for it. Otherwise (a failure, a table deleted, re-created or changed, a catalog
/// that took longer to check) the caller scans again. So `up` plans from a view that is at most a
/// second older than reading each table after the checks would give: an edit made to a table while
/// `up` runs may be missed by either, as with any tool that reads, then plans, then writes.
/// </summary>
public sealed class LiveReads : IDisposable
{
    /// <summary>How long before the caller asks an early scan may have started: the most its view lags behind a fresh one.</summary>
    public static readonly TimeSpan MaxLead = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _stop;
    private readonly Dictionary<string, EarlyRead> _reads;

    private LiveReads(IAmazonDynamoDB client, IEnumerable<string> tables, CancellationToken ct)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var token = _stop.Token;
        _reads = tables.Distinct(StringComparer.Ordinal).ToDictionary(name => name, name => new EarlyRead(client, name, token), StringComparer.Ordinal);
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
        if (_reads.TryGetValue(table, out var early) && !early.MayStandFor(Stopwatch.GetTimestamp()))
        {
            early.Stop(); // the engine's time goes to the fresh scan
        }
        else if (early is not null)
        {
            try
            {
                if (await early.Scan.WaitAsync(ct) is { } scan && scan.StandsFor(described))
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
    internal Task Settled() => Task.WhenAll(_reads.Values.Select(r => r.Scan.ContinueWith(_ => { }, TaskScheduler.Default)));

    /// <summary>Stops the scans nobody awaited (the catalog had a problem), so none outlives the command.</summary>
    public void Dispose()
    {
        if (!ReferenceEquals(this, None))
        {
            _stop.Cancel();
        }
    }

    // One table's early read: described, then scanned when ACTIVE (null when missing or not ready: the
    // caller creates it or waits for it, and scans then).
    private sealed class EarlyRead
    {
        private readonly CancellationTokenSource _stop;
        private readonly object _gate = new();
        private long _scanStarted; // 0 until the scan starts; this and _asked under _gate
        private bool _asked;

        public EarlyRead(IAmazonDynamoDB client, string table, CancellationToken ct)
        {
            _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var token = _stop.Token;
            // Off the caller's thread: the SDK's first request does its set-up synchronously, which must
            // not delay the catalog's checks (or a catalog problem's message).
            Scan = Observed(Task.Run(() => ReadAsync(client, table, token), token));
        }

        public Task<EarlyScan?> Scan { get; }

        public void Stop() => _stop.Cancel();

        /// <summary>
        /// False when the scan started more than <see cref="MaxLead"/> before <paramref name="asked"/>: then
        /// what it read first may lag behind the table by more than that, and a fresh scan is made instead
        /// of waiting for this one.
        /// </summary>
        public bool MayStandFor(long asked)
        {
            lock (_gate)
            {
                _asked = true;
                var usable = _scanStarted == 0 || Stopwatch.GetElapsedTime(_scanStarted, asked) <= MaxLead;
                if (usable)
                {
                    _stop.CancelAfter(Timeout.InfiniteTimeSpan); // it is wanted now, however long it still runs
                }

                return usable;
            }
        }

        private async Task<EarlyScan?> ReadAsync(IAmazonDynamoDB client, string table, CancellationToken ct)
        {
            var description = await LiveTable.DescribeAsync(client, table, ct);
            if (description?.TableStatus != TableStatus.ACTIVE)
            {
                return null;
            }

            lock (_gate)
            {
                _scanStarted = Stopwatch.GetTimestamp();
                if (!_asked)
                {
                    // Unless it is asked for within its lead it can never be used: then it stops, leaving
                    // the engine to the fresh scan a long catalog check ends with.
                    _stop.CancelAfter(MaxLead);
                }
            }

            return new EarlyScan(description, await LiveTable.ScanAsync(client, table, ct));
        }

        // Failures are the caller's to see when it asks; one nobody asks for must not surface as an unobserved exception.
        private static Task<T> Observed<T>(Task<T> task)
        {
            _ = task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return task;
        }
    }

    private sealed record EarlyScan(TableDescription Table, List<Dictionary<string, AttributeValue>> Items)
    {
        /// <summary>The same table: one deleted and created again has a new creation time, other keys, or is not ACTIVE yet.</summary>
        public bool StandsFor(TableDescription described) =>
            described.TableStatus == TableStatus.ACTIVE
            && described.CreationDateTime == Table.CreationDateTime
            && described.TableArn == Table.TableArn
            && TableSettings.LiveKey(described) == TableSettings.LiveKey(Table);
    }
}
