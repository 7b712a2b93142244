using Amazon.Runtime;

namespace Academy.Sandbox.Engine;

/// <summary>
/// The HTTP client for a local endpoint, with deadlines sized for an engine on this machine: it
/// connects in milliseconds and answers in well under a second, so an endpoint silent for seconds is
/// not going to answer. Past the deadline the request fails with <see cref="EngineSilentException"/>,
/// which the SDK does not retry, so a dead endpoint is reported in seconds instead of after every
/// retry of a long timeout.
/// </summary>
public sealed class LocalEngineHttp : HttpClientFactory
{
    /// <summary>Time to open the TCP connection.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Time from sending a request to the first byte of the answer (its status line).</summary>
    public static readonly TimeSpan FirstByteTimeout = TimeSpan.FromSeconds(5);

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) =>
        new(new DeadlineHandler(new SocketsHttpHandler { ConnectTimeout = ConnectTimeout }))
        {
            // The deadline handler bounds the wait for an answer; reading a large answer may take longer.
            Timeout = Timeout.InfiniteTimeSpan,
        };

    private sealed class DeadlineHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(FirstByteTimeout);
            try
            {
                return await base.SendAsync(request, deadline.Token);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                // SocketsHttpHandler reports its ConnectTimeout as a cancellation caused by a TimeoutException.
                var connected = e.InnerException is not TimeoutException;
                throw new EngineSilentException(connected
                    ? $"it accepted the connection but sent no reply within {FirstByteTimeout.TotalSeconds:0} s"
                    : $"no connection within {ConnectTimeout.TotalSeconds:0} s");
            }
        }
    }
}

/// <summary>A local endpoint did not answer within <see cref="LocalEngineHttp"/>'s deadlines; the message says which one.</summary>
public sealed class EngineSilentException(string message) : Exception(message);
