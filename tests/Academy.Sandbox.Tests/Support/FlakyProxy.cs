using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Academy.Sandbox.Tests.Support;

/// <summary>
/// A loopback proxy in front of the real engine that behaves like a busy DynamoDB: every BatchWriteItem
/// forwards only the first half of its writes and hands the rest back as UnprocessedItems, and every
/// third one is refused with ProvisionedThroughputExceededException. Everything else passes through.
/// Given <c>answer</c>, it is not busy but shows every BatchWriteItem request to it, and sends the
/// status and body it returns instead of forwarding the request (null: forward it).
/// </summary>
public sealed class FlakyProxy : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _http = new();
    private readonly string _target;
    private readonly Task _loop;
    private readonly Func<JsonObject, (int Status, string Body)?>? _answer;
    private int _batches;

    public FlakyProxy(string target, Func<JsonObject, (int Status, string Body)?>? answer = null)
    {
        _target = target.TrimEnd('/');
        _answer = answer;
        var port = LoopbackPort.Free();
        Endpoint = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Endpoint { get; }

    public int Throttled { get; private set; }

    public int Partial { get; private set; }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _http.Dispose();
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var target = context.Request.Headers["X-Amz-Target"] ?? "";
        JsonObject? unprocessed = null;
        if (_answer is not null && target.EndsWith(".BatchWriteItem", StringComparison.Ordinal))
        {
            if (_answer(JsonNode.Parse(body)!.AsObject()) is { } answer)
            {
                await RespondAsync(context, answer.Status, answer.Body);
                return;
            }
        }
        else if (target.EndsWith(".BatchWriteItem", StringComparison.Ordinal))
        {
            if (Interlocked.Increment(ref _batches) % 3 == 0)
            {
                Throttled++;
                await RespondAsync(context, 400, """{"__type":"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException","message":"The level of configured provisioned throughput for the table was exceeded."}""");
                return;
            }

            var request = JsonNode.Parse(body)!.AsObject();
            var items = request["RequestItems"]!.AsObject();
            unprocessed = [];
            foreach (var (table, writes) in items.ToList())
            {
                var list = writes!.AsArray();
                var keep = (list.Count + 1) / 2;
                if (list.Count > keep)
                {
                    unprocessed[table] = new JsonArray(list.Skip(keep).Select(w => w!.DeepClone()).ToArray());
                    items[table] = new JsonArray(list.Take(keep).Select(w => w!.DeepClone()).ToArray());
                    Partial++;
                }
            }

            body = request.ToJsonString();
        }

        using var forward = new HttpRequestMessage(HttpMethod.Post, _target + "/") { Content = new StringContent(body, Encoding.UTF8) };
        forward.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-amz-json-1.0");
        forward.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        foreach (var header in new[] { "Authorization", "X-Amz-Date" })
        {
            if (context.Request.Headers[header] is { } value)
            {
                forward.Headers.TryAddWithoutValidation(header, value);
            }
        }

        using var response = await _http.SendAsync(forward);
        var text = await response.Content.ReadAsStringAsync();
        if (unprocessed is { Count: > 0 } && response.IsSuccessStatusCode)
        {
            var json = JsonNode.Parse(text)!.AsObject();
            json["UnprocessedItems"] = unprocessed;
            text = json.ToJsonString();
        }

        await RespondAsync(context, (int)response.StatusCode, text);
    }

    // The body may have changed, so the engine's CRC32 header is not passed on.
    private static async Task RespondAsync(HttpListenerContext context, int status, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/x-amz-json-1.0";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }
}
