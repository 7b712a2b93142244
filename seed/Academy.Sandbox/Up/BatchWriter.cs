using System.Net;
using Academy.Sandbox.Cli;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Up;

/// <summary>
/// Writes requests with BatchWriteItem, 25 a request and several requests in flight. Unprocessed items
/// and throttling are retried with <see cref="Backoff"/>; after its last attempt the write fails loudly
/// rather than dropping items. A batch DynamoDB refuses (ValidationException names no item) is written
/// again one request at a time, so the refused one is found and named in <see cref="WriteRefusedException"/>.
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
                await WriteBatchAsync(tableName, batch.ToList(), progress, token);
            });
    }

    private async Task WriteBatchAsync(string tableName, List<WriteRequest> pending, Action<int> progress, CancellationToken ct)
    {
        var why = "the engine kept returning them as UnprocessedItems";
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var response = await client.BatchWriteItemAsync(new BatchWriteItemRequest
                {
                    RequestItems = new Dictionary<string, List<WriteRequest>> { [tableName] = pending },
                }, ct);
                var sent = pending.Count;
                pending = response.UnprocessedItems is { } left && left.TryGetValue(tableName, out var rest) ? rest ?? [] : [];
                progress(sent - pending.Count);
                why = "the engine kept returning them as UnprocessedItems";
            }
            catch (AmazonDynamoDBException e) when (RetryReason(e) is { } reason)
            {
                // the whole batch goes again
                why = reason;
            }
            catch (AmazonDynamoDBException e) when (e.ErrorCode == "ValidationException")
            {
                if (pending.Count == 1)
                {
                    throw new WriteRefusedException(tableName, pending[0], e);
                }

                foreach (var request in pending)
                {
                    await WriteBatchAsync(tableName, [request], progress, ct);
                }

                return;
            }

            if (pending.Count == 0)
            {
                return;
            }

            if (attempt + 1 >= backoff.MaxAttempts)
            {
                throw new SandboxException(
                    $"error: {tableName}: {pending.Count:N0} item(s) still unwritten after {backoff.MaxAttempts} attempts ({why}); run {hints.Command("up")} again, it writes only what is missing");
            }

            Interlocked.Add(ref _retries, pending.Count);
            await Task.Delay(backoff.Delay(attempt), ct);
        }
    }

    /// <summary>
    /// Why a refused batch is worth sending again, or null when it is not: throttling, or a server
    /// error that DynamoDB itself named (an unnamed 5xx is some other server, reported as such).
    /// </summary>
    private static string? RetryReason(AmazonDynamoDBException e)
    {
        if (e is ProvisionedThroughputExceededException or RequestLimitExceededException
            || e.ErrorCode is "ThrottlingException" or "ThrottlingError" or "ProvisionedThroughputExceededException")
        {
            return $"the engine kept throttling: {e.ErrorCode}";
        }

        return !string.IsNullOrEmpty(e.ErrorCode) && e.StatusCode is HttpStatusCode.InternalServerError or HttpStatusCode.ServiceUnavailable
            ? $"the engine kept failing with a server error: {e.ErrorCode}: {e.Message}"
            : null;
    }
}
