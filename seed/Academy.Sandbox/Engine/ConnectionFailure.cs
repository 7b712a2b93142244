using System.Net.Http;
using System.Net.Sockets;
using Amazon.Runtime;

namespace Academy.Sandbox.Engine;

/// <summary>Recognises "nobody answered" among SDK exceptions, to say so in one line instead of a stack trace.</summary>
public static class ConnectionFailure
{
    public static bool Is(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is HttpRequestException or SocketException or TaskCanceledException or TimeoutException)
            {
                return true;
            }

            if (inner is AmazonClientException && inner.Message.Contains("credentials", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return false;
    }

    public static string Describe(EngineTarget target, Exception e) => target.IsAws
        ? $"error: cannot reach DynamoDB in AWS ({Root(e).Message}); check your network, AWS_REGION and credentials"
        : $"error: no DynamoDB engine answers at {target.Endpoint} ({Root(e).Message}); start the local engine with `seed/engine/engine.sh start` (or `scripts/sandbox.sh`), or pass --endpoint URL";

    private static Exception Root(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }
}
