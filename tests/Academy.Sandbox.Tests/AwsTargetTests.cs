using Academy.Sandbox.Cli;
using Academy.Sandbox.Engine;
using Academy.Sandbox.Tests.Support;
using Amazon.Runtime;

namespace Academy.Sandbox.Tests;

/// <summary>--aws as a learner without an AWS set-up meets it: the built tool in a clean environment.</summary>
public sealed class AwsTargetTests
{
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzz-not-real";

    [TestCase("up")]
    [TestCase("show")]
    [TestCase("verify")]
    public async Task AwsWithoutCredentialsOrRegionIsOneLineSayingWhatToDo(string command)
    {
        var run = await RunWithoutAwsSetupAsync([], command, "--aws");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Unreachable), run.Error);
        Assert.That(Lines(run.Error), Has.Length.EqualTo(1), run.Error);
        Assert.That(run.Error, Does.StartWith("error: --aws found no AWS credentials and no region;")
            .And.Contain("aws configure").And.Contain("AWS_PROFILE").And.Contain("AWS_ACCESS_KEY_ID").And.Contain("AWS_REGION"));
    }

    [Test]
    public async Task AwsWithARegionButNoCredentialsAsksOnlyForCredentials()
    {
        var run = await RunWithoutAwsSetupAsync(new() { ["AWS_REGION"] = "eu-west-1" }, "show", "--aws");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Unreachable), run.Error);
        Assert.That(Lines(run.Error), Has.Length.EqualTo(1), run.Error);
        Assert.That(run.Error, Does.StartWith("error: --aws found no AWS credentials;").And.Contain("aws configure").And.Not.Contain("set AWS_REGION"));
    }

    [Test]
    public async Task AwsWithCredentialsButNoRegionAsksOnlyForARegionAndNeverPrintsTheKey()
    {
        var run = await RunWithoutAwsSetupAsync(new() { ["AWS_ACCESS_KEY_ID"] = "AKIAEXAMPLEEXAMPLE", ["AWS_SECRET_ACCESS_KEY"] = SecretKey }, "up", "--aws");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Unreachable), run.Error);
        Assert.That(Lines(run.Error), Has.Length.EqualTo(1), run.Error);
        Assert.That(run.Error, Does.StartWith("error: --aws found no AWS region;").And.Contain("AWS_REGION").And.Not.Contain("aws configure"));
        Assert.That(run.Output + run.Error, Does.Not.Contain(SecretKey));
    }

    [Test]
    public void AwsRetriesAdaptivelyAndOtherwiseKeepsTheSdkDefaultsWithDeadlinesOnTheBody()
    {
        var config = AwsClient.Config();

        Assert.Multiple(() =>
        {
            Assert.That(config.RetryMode, Is.EqualTo(RequestRetryMode.Adaptive));
            Assert.That(config.IsMaxErrorRetrySet, Is.False, "the SDK's DynamoDB attempt count");
            Assert.That(config.Timeout, Is.Null, "the SDK's timeout");
            Assert.That(config.ConnectTimeout, Is.Null);
            Assert.That(config.HttpClientFactory, Is.InstanceOf<DeadlineHttp>().And.Not.InstanceOf<LocalEngineHttp>(), "deadlines for AWS, not the local engine's");
        });
    }

    [Test]
    public void TheLocalEngineHasASmallExplicitRetryBudgetAndLocalDeadlines()
    {
        var config = EngineTarget.LocalConfig("http://127.0.0.1:8000");

        Assert.Multiple(() =>
        {
            Assert.That(config.IsMaxErrorRetrySet, Is.True);
            Assert.That(config.MaxErrorRetry, Is.EqualTo(2));
            Assert.That(config.HttpClientFactory, Is.InstanceOf<LocalEngineHttp>());
        });
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// The built tool with every AWS_* variable cleared, empty shared credentials and config files, and
    /// no instance-metadata lookup (which would take seconds off EC2), plus <paramref name="extra"/>.
    /// </summary>
    private static async Task<CliRun> RunWithoutAwsSetupAsync(Dictionary<string, string> extra, params string[] args)
    {
        using var empty = new ScratchFolder();
        var environment = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => k.StartsWith("AWS_", StringComparison.Ordinal))
            .ToDictionary(k => k, _ => (string?)null);
        environment["HOME"] = empty.Path;
        environment["AWS_SHARED_CREDENTIALS_FILE"] = empty.File("credentials");
        environment["AWS_CONFIG_FILE"] = empty.File("config");
        environment["AWS_EC2_METADATA_DISABLED"] = "true";
        foreach (var (name, value) in extra)
        {
            environment[name] = value;
        }

        return await BuiltTool.RunAsync(environment, args);
    }

    private sealed class ScratchFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("academy-aws-").FullName;

        public string File(string name)
        {
            var path = System.IO.Path.Combine(Path, name);
            System.IO.File.WriteAllText(path, "");
            return path;
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
