using Amazon.Runtime;

namespace Academy.Sandbox.Engine;

/// <summary>
/// The HTTP client for DynamoDB with a deadline on every step of a request (<see cref="HttpDeadlines"/>):
/// connecting, the first byte of the answer, each read of its body and the whole exchange, so an
/// endpoint that accepts and says nothing, or sends headers and then drips or stops, fails in bounded
/// time. Past a deadline the request fails with <see cref="EngineSilentException"/>, which the SDK does
/// not retry, so a dead endpoint is reported at once instead of after every retry.
/// </summary>
public class DeadlineHttp(HttpDeadlines deadlines) : HttpClientFactory
{
    public HttpDeadlines Deadlines { get; } = deadlines;

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) =>
        new(new DeadlineHandler(new SocketsHttpHandler { ConnectTimeout = Deadlines.Connect }, Deadlines))
        {
            // The deadline handler bounds every step, the body's reads included, which HttpClient.Timeout does not
            // when the answer is read as it streams in (as the SDK reads it).
            Timeout = Timeout.InfiniteTimeSpan,
        };

    private sealed class DeadlineHandler(HttpMessageHandler inner, HttpDeadlines deadlines) : DelegatingHandler(inner)
    {
        // More than any DynamoDB answer (BatchGetItem returns at most 16 MB): a bound on what a stranger's endpoint may fill memory with.
        private const int MaxBody = 64 * 1024 * 1024;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using var total = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            total.CancelAfter(deadlines.Total);
            HttpResponseMessage response;
            try
            {
                using var firstByte = CancellationTokenSource.CreateLinkedTokenSource(total.Token);
                firstByte.CancelAfter(deadlines.FirstByte);
                response = await base.SendAsync(request, firstByte.Token);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                // SocketsHttpHandler reports its ConnectTimeout as a cancellation caused by a TimeoutException.
                var connected = e.InnerException is not TimeoutException;
                throw new EngineSilentException(connected
                    ? $"it accepted the connection but sent no reply within {Seconds(deadlines.FirstByte)}"
                    : $"no connection within {Seconds(deadlines.Connect)}");
            }

            try
            {
                // Read whole here, under the deadlines: the SDK reads the body later with no deadline at all, and
                // a failure here is not retried by the SDK, as one in its unmarshalling would be.
                response.Content = await BufferAsync(response.Content, total, cancellationToken);
                return response;
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }

        private async Task<HttpContent> BufferAsync(HttpContent content, CancellationTokenSource total, CancellationToken caller)
        {
            await using var stream = await content.ReadAsStreamAsync(total.Token);
            var body = new MemoryStream();
            var buffer = new byte[64 * 1024];
            while (true)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(total.Token);
                idle.CancelAfter(deadlines.Idle);
                int read;
                try
                {
                    read = await stream.ReadAsync(buffer, idle.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or IOException && idle.IsCancellationRequested && !caller.IsCancellationRequested)
                {
                    throw new EngineSilentException(total.IsCancellationRequested
                        ? $"it began an answer but had not finished it within {Seconds(deadlines.Total)}"
                        : $"it began an answer, then sent nothing more for {Seconds(deadlines.Idle)}");
                }

                if (read == 0)
                {
                    break;
                }

                if (body.Length + read > MaxBody)
                {
                    // Something answered, and at length: not silence, an answer no DynamoDB gives.
                    throw new EngineAnswerException($"an answer that ran past {MaxBody / (1024 * 1024)} MB, more than any DynamoDB answer");
                }

                body.Write(buffer, 0, read);
            }

            var buffered = new ByteArrayContent(body.GetBuffer(), 0, (int)body.Length);
            foreach (var (name, values) in content.Headers)
            {
                buffered.Headers.TryAddWithoutValidation(name, values);
            }

            content.Dispose();
            return buffered;
        }
    }

    internal static string Seconds(TimeSpan span) => $"{span.TotalSeconds:0.#} s";
}

/// <summary>The client for a local endpoint: <see cref="HttpDeadlines.Local"/>.</summary>
public sealed class LocalEngineHttp() : DeadlineHttp(HttpDeadlines.Local);

/// <summary>An endpoint did not answer within <see cref="DeadlineHttp"/>'s deadlines; the message says which one.</summary>
public sealed class EngineSilentException(string message) : Exception(message);
