using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Academy.Sandbox.Tests.Support;

/// <summary>
/// A TCP server on a free 127.0.0.1 port standing in for endpoints that are not a working DynamoDB:
/// one that accepts connections and never says a word, or a plain HTTP server with a fixed answer or one made for each request.
/// </summary>
public sealed class LoopbackServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<int, byte[]>? _respond;
    private readonly TimeSpan? _drip;
    private int _requests;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _held = [];
    private readonly Task _loop;

    private LoopbackServer(byte[]? response, TimeSpan? drip = null, bool ipv6 = false)
        : this(response is null ? null : _ => response, drip, ipv6)
    {
    }

    private LoopbackServer(Func<int, byte[]>? respond, TimeSpan? drip = null, bool ipv6 = false)
    {
        _respond = respond;
        _drip = drip;
        _listener = new(ipv6 ? IPAddress.IPv6Loopback : IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        Endpoint = ipv6 ? $"http://[::1]:{Port}" : $"http://127.0.0.1:{Port}";
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string Endpoint { get; }

    /// <summary>Accepts every connection and holds it open without reading or answering.</summary>
    public static LoopbackServer Silent() => new((byte[]?)null);

    /// <summary>Like <see cref="Silent"/>, on the IPv6 loopback address [::1].</summary>
    public static LoopbackServer SilentOnIpv6() => new((byte[]?)null, ipv6: true);

    /// <summary>
    /// Reads each request and answers it with <paramref name="status"/> and <paramref name="body"/>
    /// (and a Server header when <paramref name="server"/> is given), then closes.
    /// </summary>
    public static LoopbackServer Http(int status, string reason, string contentType, string body, string? server = null)
    {
        var response = Response(status, reason, contentType, body, server);
        return new(response);
    }

    /// <summary>Like <see cref="Http(int, string, string, string, string?)"/>, with a body made for each request from its number (0, 1, ...).</summary>
    public static LoopbackServer Http(int status, string reason, string contentType, Func<int, string> body) =>
        new(n => Response(status, reason, contentType, body(n), null));

    private static byte[] Response(int status, string reason, string contentType, string body, string? server)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var serverHeader = server is null ? "" : $"Server: {server}\r\n";
        var head = $"HTTP/1.1 {status} {reason}\r\n{serverHeader}Content-Type: {contentType}\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(head), .. bytes];
    }

    /// <summary>Reads each request, sends <paramref name="response"/> as it is (nothing at all, or broken HTTP), then closes.</summary>
    public static LoopbackServer Raw(string response) => new(Encoding.ASCII.GetBytes(response));

    /// <summary>
    /// Reads each request and answers with the headers of a large DynamoDB answer, then one byte of its
    /// body every <paramref name="interval"/> (a very long interval: it stops sending), never finishing.
    /// </summary>
    public static LoopbackServer Dripping(TimeSpan interval)
    {
        var head = "HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: 1000000\r\n\r\n{";
        return new(Encoding.ASCII.GetBytes(head), interval);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        lock (_held)
        {
            _held.ForEach(c => c.Dispose());
        }
    }

    private async Task LoopAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            if (_respond is null)
            {
                lock (_held)
                {
                    _held.Add(client);
                }

                continue;
            }

            _ = Task.Run(() => AnswerAsync(client));
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                await ReadRequestAsync(stream);
                await stream.WriteAsync(_respond!(Interlocked.Increment(ref _requests) - 1));
                while (_drip is { } interval)
                {
                    await Task.Delay(interval, _stop.Token);
                    await stream.WriteAsync(" "u8.ToArray());
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException)
            {
                // the client gave up first
            }
        }
    }

    // Headers up to the blank line, then Content-Length bytes of body, so the client sees its request consumed.
    private static async Task ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (!(buffer.Count >= 4 && buffer[^4] == '\r' && buffer[^3] == '\n' && buffer[^2] == '\r' && buffer[^1] == '\n'))
        {
            if (await stream.ReadAsync(one) == 0)
            {
                return;
            }

            buffer.Add(one[0]);
        }

        var headers = Encoding.ASCII.GetString([.. buffer]);
        var length = headers.Split("\r\n")
            .Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(p => int.Parse(p[1].Trim(), System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();
        var body = new byte[length];
        await stream.ReadExactlyAsync(body);
    }
}
