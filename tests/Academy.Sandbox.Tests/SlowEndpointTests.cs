using System.Diagnostics;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Engine;
using Academy.Sandbox.Tests.Support;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace Academy.Sandbox.Tests;

/// <summary>
/// Endpoints that send the headers of an answer and then stop, or drip its body a byte at a time: every
/// request has a deadline for each read of the body and for the whole exchange, so the command fails
/// in bounded time with the same line as an endpoint that never answers.
/// </summary>
public sealed class SlowEndpointTests
{
    // Not a timing assertion: a bound so a hang fails instead of waiting forever.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(40);

    [Test]
    public async Task VerifyAgainstAnEndpointThatStopsMidAnswerFailsWithinTheIdleDeadline()
    {
        using var server = LoopbackServer.Dripping(TimeSpan.FromHours(1));
        var clock = Stopwatch.StartNew();

        var run = await Tool.RunAsync("verify", "--endpoint", server.Endpoint, "--project", LocalEngine.Repo.Root).WaitAsync(Bound);

        TestContext.Out.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: {run.Error}");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Unreachable), run.Error);
        Assert.That(run.Error.Trim().Split('\n'), Has.Length.EqualTo(1), run.Error);
        Assert.That(run.Error, Does.StartWith($"error: nothing answered at {server.Endpoint} (it began an answer, then sent nothing more for 5 s)"));
    }

    // up and plan start reading the tables while the catalog is built; a catalog with a problem is
    // still the one thing reported, without waiting on those reads.
    [TestCase("up")]
    [TestCase("plan")]
    public async Task ACatalogProblemIsReportedWithoutWaitingOnTheTablesReadsStartedBesideIt(string command)
    {
        using var project = new ScratchProject();
        project.Write("seed/items/jobs.json", "[{\"name\": \"load\", \"n\": 1e999}]");
        using var server = LoopbackServer.Silent();

        var run = await Tool.RunAsync(command, "--project", project.Root, "--endpoint", server.Endpoint).WaitAsync(Bound);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.CatalogInvalid), run.Error);
            Assert.That(run.Error, Does.Contain("1e999").And.Not.Contain("answered"), run.Error);
        });
    }

    [Test]
    public async Task ARosterAgainstASilentEndpointStopsAfterTheFirstLearnerAndSaysSoOnce()
    {
        using var project = new ScratchProject();
        project.Write("roster.yaml", "learners:\n" + string.Concat(Enumerable.Range(0, 12).Select(i => $"  - l{i}\n")));
        using var server = LoopbackServer.Silent();

        var run = await Tool.RunAsync("verify", "--roster", Path.Combine(project.Root, "roster.yaml"), "--parallel", "1", "--project", project.Root, "--endpoint", server.Endpoint).WaitAsync(Bound);

        // Each learner would wait out the same 5 s deadline: 60 s and twelve identical lines.
        var output = run.Output + run.Error;
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Unreachable), output);
            Assert.That(output.Split('\n').Count(l => l.Contains("nothing answered at", StringComparison.Ordinal)), Is.EqualTo(1), output);
            Assert.That(output, Does.Contain("... 11 other learner(s) not done: no DynamoDB answered for l0, and the endpoint is the same for all"));
        });
    }

    [TestCase(0.2, "it began an answer but had not finished it within 2 s")]
    [TestCase(3600, "it began an answer, then sent nothing more for 1 s")]
    public async Task AnAnswerThatDripsOrStopsEndsAtTheTotalOrIdleDeadline(double interval, string words)
    {
        using var server = LoopbackServer.Dripping(TimeSpan.FromSeconds(interval));
        var config = EngineTarget.LocalConfig(server.Endpoint);
        config.HttpClientFactory = new DeadlineHttp(new HttpDeadlines(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)));
        using var client = new AmazonDynamoDBClient(new BasicAWSCredentials("sandbox", "sandbox"), config);

        var error = await Failure(client.ListTablesAsync().WaitAsync(Bound));

        Assert.That(ConnectionFailure.Describe(EngineTarget.Local(server.Endpoint), error), Does.StartWith($"error: nothing answered at {server.Endpoint} ({words})"));
    }

    [Test]
    public void EveryTargetHasAllFourDeadlines()
    {
        Assert.Multiple(() =>
        {
            Assert.That(((DeadlineHttp)EngineTarget.LocalConfig("http://127.0.0.1:8000").HttpClientFactory).Deadlines, Is.EqualTo(HttpDeadlines.Local));
            Assert.That(((DeadlineHttp)AwsClient.Config().HttpClientFactory).Deadlines, Is.EqualTo(HttpDeadlines.Aws));
        });
    }

    private static async Task<Exception> Failure(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception e) when (e is not TimeoutException)
        {
            return e;
        }

        throw new AssertionException("the request succeeded");
    }
}
