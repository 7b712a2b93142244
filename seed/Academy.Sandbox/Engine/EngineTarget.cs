using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace Academy.Sandbox.Engine;

/// <summary>Where commands go: the local engine (or another endpoint) with dummy credentials, or real AWS.</summary>
public sealed record EngineTarget(string? Endpoint)
{
    /// <summary>The port seed/engine/engine.sh uses; both read ACADEMY_SANDBOX_PORT so they agree.</summary>
    public const string PortVariable = "ACADEMY_SANDBOX_PORT";

    public const int DefaultPort = 8000;

    public bool IsAws => Endpoint is null;

    public string Describe => Endpoint ?? "AWS (default credential chain and region)";

    public static string DefaultEndpoint => $"http://127.0.0.1:{VariablePort() ?? DefaultPort}";

    /// <summary>Null when ACADEMY_SANDBOX_PORT is unset or a port, otherwise the one-line error (a bad value is never silently replaced by 8000).</summary>
    public static string? PortProblem() =>
        Environment.GetEnvironmentVariable(PortVariable) is { Length: > 0 } text && VariablePort() is null
            ? $"{PortVariable} must be a port from 1 to 65535 (the local engine's), not '{text}'; fix or unset it, or pass --endpoint URL"
            : null;

    /// <summary>
    /// True when no --endpoint was given and ACADEMY_SANDBOX_PORT chose a port other than 8000: hints
    /// then name the endpoint, since a variable set for one command is not in the shell they are pasted into.
    /// </summary>
    public bool PortFromVariable { get; init; }

    public static EngineTarget Local(string? endpoint) =>
        new(endpoint ?? DefaultEndpoint) { PortFromVariable = endpoint is null && VariablePort() is { } port && port != DefaultPort };

    public static EngineTarget Aws() => new((string?)null);

    /// <summary>The port ACADEMY_SANDBOX_PORT names, or null when it is unset or not a port.</summary>
    public static int? VariablePort() =>
        int.TryParse(Environment.GetEnvironmentVariable(PortVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : null;

    public AmazonDynamoDBClient CreateClient() => Endpoint is null
        ? AwsClient.Create()
        : new AmazonDynamoDBClient(new BasicAWSCredentials("sandbox", "sandbox"), LocalConfig(Endpoint));

    /// <summary>
    /// A local engine accepts any signature, so the region only has to be a valid one for signing. It
    /// does not throttle, so two retries are enough, and it answers at once or not at all (see
    /// <see cref="LocalEngineHttp"/>).
    /// </summary>
    public static AmazonDynamoDBConfig LocalConfig(string endpoint) => new()
    {
        ServiceURL = endpoint,
        AuthenticationRegion = "us-east-1",
        MaxErrorRetry = 2,
        HttpClientFactory = new LocalEngineHttp(),
    };
}
