using Academy.Sandbox.Cli;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace Academy.Sandbox.Engine;

/// <summary>
/// The client for DynamoDB in AWS: the SDK's own credential and region chains and attempts, deadlines
/// on every step of a request (<see cref="HttpDeadlines.Aws"/>), and adaptive retries so throttling
/// slows the client down instead of failing. Missing credentials or region are found before any
/// request and said in one line.
/// </summary>
public static class AwsClient
{
    public static AmazonDynamoDBConfig Config() => new()
    {
        RetryMode = RequestRetryMode.Adaptive,
        HttpClientFactory = new DeadlineHttp(HttpDeadlines.Aws), // the SDK's client waits forever for a body that stops coming
    };

    public static AmazonDynamoDBClient Create()
    {
        var config = Config();
        AWSCredentials? credentials;
        try
        {
            credentials = DefaultAWSCredentialsIdentityResolver.GetCredentials(config);
        }
        catch (AmazonClientException)
        {
            // The SDK lists every provider it tried, over several lines; the user needs what to do.
            credentials = null;
        }

        var region = config.RegionEndpoint ?? FallbackRegionFactory.GetRegionEndpoint();
        if (credentials is null || region is null)
        {
            throw new SandboxException(Missing(credentials is null, region is null), ExitCodes.Unreachable);
        }

        config.RegionEndpoint = region;
        return new AmazonDynamoDBClient(credentials, config);
    }

    private static string Missing(bool credentials, bool region)
    {
        var what = (credentials, region) switch
        {
            (true, true) => "no AWS credentials and no region",
            (true, false) => "no AWS credentials",
            _ => "no AWS region",
        };
        var profile = Environment.GetEnvironmentVariable("AWS_PROFILE") is { Length: > 0 } name
            ? $" (AWS_PROFILE is '{name}': check that this profile exists)"
            : "";
        var steps = new List<string>();
        if (credentials)
        {
            steps.Add("run `aws configure` (or `aws sso login`), or set AWS_PROFILE, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
        }

        if (region)
        {
            steps.Add("set AWS_REGION (e.g. AWS_REGION=eu-west-1) or a region in your profile");
        }

        return $"error: --aws found {what}{profile}; {string.Join("; and ", steps)}. Without --aws the sandbox uses the local engine";
    }
}
