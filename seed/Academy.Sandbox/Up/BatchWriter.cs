using System.Net;
using Academy.Sandbox.Cli;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Up;

/// <summary>
/// Writes requests with BatchWriteItem, 25 a request and several requests in flight. Unprocessed items
/// and throttling are retried with <see cref="Backoff"/>; after its last attempt the write fails loudly
/// rather than dropping items.
/// </summary>
public sealed class BatchWriter(IAmazonDynamoDB client, int concurrency, Backoff backoff, Hints hints)
{
    public const int MaxBatch = 25;

    private int _retries;

    /// <summary>Requests sent again after throttling or as UnprocessedItems, for the report.</summary>
    public int Retries => _retries;

    public async Task WriteAsync(string tableName, IReadOnlyList<WriteRequest> requests, Action<int> progress, CancellationToken ct)
    {
        var batches = requests.Chunk(MaxBatch).ToList();
        await Parallel.ForEachAsync(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, concurrency), CancellationToken = ct },
            async (batch, token) =>
            {
                await WriteBatchAsync(tableName, batch.ToList(), token);
                progress(batch.Length);
            });
    }

    private async Task WriteBatchAsync(string tableName, List<WriteRequest> pending, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var response = await client.BatchWriteItemAsync(new BatchWriteItemRequest
                {
                    RequestItems = new Dictionary<string, List<WriteRequest>> { [tableName] = pending },
                }, ct);
                pending = response.UnprocessedItems is { } left && left.TryGetValue(tableName, out var rest) ? rest ?? [] : [];
            }
            catch (AmazonDynamoDBException e) when (IsThrottle(e))
            {
                // the whole batch goes again
            }

            if (pending.Count == 0)
            {
                return;
            }

            if (attempt + 1 >= backoff.MaxAttempts)
            {
                throw new SandboxException(
                    $"error: {tableName}: {pending.Count:N0} item(s) still unwritten after {backoff.MaxAttempts} attempts (the engine keeps throttling); run {hints.Command("up")} again, it writes only what is missing");
            }

            Interlocked.Add(ref _retries, pending.Count);
            await Task.Delay(backoff.Delay(attempt), ct);
        }
    }

    private static bool IsThrottle(AmazonDynamoDBException e) =>
        e is ProvisionedThroughputExceededException or RequestLimitExceededException or InternalServerErrorException
        || e.ErrorCode is "ThrottlingException" or "ThrottlingError" or "ProvisionedThroughputExceededException"
        || e.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.InternalServerError;
}
