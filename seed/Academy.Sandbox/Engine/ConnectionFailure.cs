using System.Net;
using System.Net.Sockets;
using Academy.Catalog.Errors;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Academy.Sandbox.Engine;

/// <summary>
/// Recognises, among SDK exceptions, an endpoint that is not a working DynamoDB (nothing listens,
/// nothing answers, or something else answers), to say so in one line instead of a stack trace.
/// </summary>
public static class ConnectionFailure
{
    // The engine script listens on ACADEMY_SANDBOX_PORT (default 8000): for another port on this
    // machine the hint sets it, so the engine it starts is the one the command looked for.
    private static string LocalHint(string endpoint) =>
        (OtherLocalPort(endpoint) is not null
            ? $"start the local engine on that port with `{EngineScript(endpoint, "start")}`, or pass the --endpoint URL of a running one"
            : $"start the local engine with `{CheckoutFile("seed/engine/engine.sh")} start` (or `{CheckoutFile("scripts/sandbox.sh")}`), or pass --endpoint URL")
        + Ipv4Only(endpoint);

    // The engine listens on 127.0.0.1 alone: at [::1] the engine the hint starts would not answer either.
    private static string Ipv4Only(string endpoint) =>
        Ipv6LoopbackPort(endpoint) is { } port ? $"; the local engine listens on 127.0.0.1 only, so then use --endpoint http://127.0.0.1:{port}" : "";

    // The port of an IPv6 loopback endpoint ([::1]), where the local engine never listens; an IPv4
    // address written as IPv6 ([::ffff:127.0.0.1]) is 127.0.0.1 itself, so not one of these.
    private static int? Ipv6LoopbackPort(string endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.IsLoopback && uri.HostNameType == UriHostNameType.IPv6
        && IPAddress.TryParse(uri.DnsSafeHost, out var address) && !address.IsIPv4MappedToIPv6
            ? uri.Port
            : null;

    // The engine script's command for the engine at this endpoint, so a pasted stop or start acts on it and on no other.
    private static string EngineScript(string endpoint, string verb) =>
        (OtherLocalPort(endpoint) is { } port ? $"{EngineTarget.PortVariable}={port} " : "") + $"{CheckoutFile("seed/engine/engine.sh")} {verb}";

    /// <summary>
    /// A script of the checkout this tool was built from, as the user can type it where they stand:
    /// relative when it is below the current folder, else absolute (a command run from elsewhere with
    /// --project would otherwise name a path that is not there).
    /// </summary>
    internal static string CheckoutFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, relative);
            if (File.Exists(file))
            {
                var fromHere = Path.GetRelativePath(Environment.CurrentDirectory, file);
                return Cli.Hints.Quote(fromHere.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(fromHere) ? file : fromHere);
            }
        }

        return relative;
    }

    // The prefix is left out only where the script would pick this port by itself: it is 8000 and the
    // variable names no other. A variable set for one command (`ACADEMY_SANDBOX_PORT=N academy-sandbox
    // up`) is not in the shell the hint is pasted into; one exported there would steer the script.
    private static int? OtherLocalPort(string endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.IsLoopback
        && (uri.Port != EngineTarget.DefaultPort || EngineTarget.VariablePort() is { } set && set != uri.Port)
            ? uri.Port
            : null;

    /// <summary>The line to print when <paramref name="e"/> means no DynamoDB answered at the target, otherwise null.</summary>
    public static string? Describe(EngineTarget target, Exception e)
    {
        if (Find<EngineSilentException>(e) is { } silent)
        {
            return target.IsAws
                ? $"error: DynamoDB in AWS did not answer in time ({silent.Message}); is a proxy in the way? Check HTTPS_PROXY and your network"
                : Ipv6LoopbackPort(target.Endpoint!) is { } port
                ? $"error: nothing answered at {target.Endpoint} ({silent.Message}); the local engine listens on 127.0.0.1 only, so another program holds that port at [::1]: "
                + $"use --endpoint http://127.0.0.1:{port}, or pass the --endpoint of a DynamoDB engine"
                : $"error: nothing answered at {target.Endpoint} ({silent.Message}); if the local engine runs there it is stuck "
                + $"(`{EngineScript(target.Endpoint!, "stop")}`, then `{EngineScript(target.Endpoint!, "start")}`), otherwise another program holds that port: pass the --endpoint of a DynamoDB engine";
        }

        if (NotDynamoDb(e) is { } answer)
        {
            return target.IsAws
                ? $"error: the answer to a DynamoDB request in AWS was not DynamoDB's ({answer}); is a proxy in the way? Check HTTPS_PROXY and your network"
                : $"error: the server at {target.Endpoint} is not DynamoDB: it answered a DynamoDB request with {answer}; {LocalHint(target.Endpoint!)}";
        }

        if (!IsConnectionFailure(e))
        {
            return null;
        }

        // https:// to a server that speaks plain HTTP, as the local engine does: the port is right, the scheme is not.
        if (!target.IsAws && Find<System.Security.Authentication.AuthenticationException>(e) is not null
            && target.Endpoint!.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return $"error: the server at {target.Endpoint} does not answer over HTTPS (its TLS handshake failed: {OneLine(Root(e).Message)}); "
                + $"the local engine speaks plain HTTP: use --endpoint http://{target.Endpoint["https://".Length..]}";
        }

        return target.IsAws
            ? $"error: cannot reach DynamoDB in AWS ({Root(e).Message}); check your network, AWS_REGION and credentials"
            : $"error: no DynamoDB engine answers at {target.Endpoint} ({Root(e).Message}); {LocalHint(target.Endpoint!)}";
    }

    // DynamoDB names every error (__type); an answer without a name, or a body that is not JSON, came from some other server.
    // An answer that broke off or was not well-formed HTTP, a body whose checksum did not match, or
    // one the SDK could not read at all: no DynamoDB answers like that either.
    private static string? NotDynamoDb(Exception e) => e switch
    {
        AmazonUnmarshallingException u => $"HTTP {(int)u.StatusCode} and a body that is not DynamoDB JSON",
        AmazonServiceException s when string.IsNullOrEmpty(s.ErrorCode) && s.StatusCode != 0 =>
            $"HTTP {(int)s.StatusCode}{(Find<HttpErrorResponseException>(s)?.Response?.ContentType is { Length: > 0 } type ? $" ({type})" : "")} and no DynamoDB error in it",
        _ when Find<EngineAnswerException>(e) is { } odd => odd.Message,
        _ when Find<HttpIOException>(e) is { } broken => $"an HTTP answer that broke off or was malformed ({OneLine(broken.Message)})",
        _ when Find<IOException>(e) is { } io && io.Message.Contains("CRC", StringComparison.Ordinal) => "an answer whose CRC32 checksum does not match its body",
        AmazonClientException c when !c.Message.Contains("credentials", StringComparison.OrdinalIgnoreCase) =>
            $"an answer the AWS SDK could not read ({OneLine(c.Message)})",
        _ => null,
    };

    private static string OneLine(string message) => Excerpt.Of(Excerpt.Escape(message), 200, 160);

    private static bool IsConnectionFailure(Exception e)
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

    private static T? Find<T>(Exception e)
        where T : Exception
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static Exception Root(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }
}
