using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Engine;

/// <summary>
/// Reads of live tables started early: each table is described and, when it is ACTIVE, scanned, while
/// the caller still builds the catalog. On two cores the engine's scan and the catalog's checks then
/// run side by side instead of one after the other (docs/performance.md). Nothing is reported from
/// here: a failure surfaces where the caller awaits that read, exactly as if it had made it then.
/// </summary>
public sealed class LiveReads : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Dictionary<string, (Task<TableDescription?> Describe, Task<List<Dictionary<string, AttributeValue>>?> Scan)> _reads;

    private LiveReads(IAmazonDynamoDB client, IEnumerable<string> tables, CancellationToken ct)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var token = _stop.Token;
        _reads = tables.Distinct(StringComparer.Ordinal).ToDictionary(name => name, name =>
        {
            var describe = LiveTable.DescribeAsync(client, name, token);
            return (describe, ScanWhenActiveAsync(client, name, describe, token));
        }, StringComparer.Ordinal);
    }

    /// <summary>No early reads: every table is read when it is asked for.</summary>
    public static LiveReads None { get; } = new(null!, [], CancellationToken.None);

    public static LiveReads Start(IAmazonDynamoDB client, IEnumerable<string> tables, CancellationToken ct) => new(client, tables, ct);

    /// <summary>The table's description (null: it does not exist), read early when it was started for this table.</summary>
    public Task<TableDescription?> DescribeAsync(IAmazonDynamoDB client, string table, CancellationToken ct) =>
        _reads.TryGetValue(table, out var read) ? read.Describe.WaitAsync(ct) : LiveTable.DescribeAsync(client, table, ct);

    /// <summary>Every item of an ACTIVE table, from the early scan when there was one.</summary>
    public async Task<List<Dictionary<string, AttributeValue>>> ScanAsync(IAmazonDynamoDB client, string table, CancellationToken ct) =>
        (_reads.TryGetValue(table, out var read) ? await read.Scan.WaitAsync(ct) : null)
        ?? await LiveTable.ScanAsync(client, table, ct);

    /// <summary>Stops the reads nobody awaited (the catalog had a problem), so none outlives the command.</summary>
    public void Dispose()
    {
        if (ReferenceEquals(this, None))
        {
            return;
        }

        _stop.Cancel();
        foreach (var (describe, scan) in _reads.Values)
        {
            // Observed here, so a read stopped or failed after its caller gave up is not an unobserved exception.
            _ = describe.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
            _ = scan.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
        }

        _stop.Dispose();
    }

    // Null when the table is missing or not ACTIVE yet: the caller waits for it and scans then.
    private static async Task<List<Dictionary<string, AttributeValue>>?> ScanWhenActiveAsync(
        IAmazonDynamoDB client, string table, Task<TableDescription?> describe, CancellationToken ct)
    {
        var description = await describe;
        return description?.TableStatus == TableStatus.ACTIVE ? await LiveTable.ScanAsync(client, table, ct) : null;
    }
}
