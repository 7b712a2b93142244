using System.Diagnostics;
using Academy.Catalog;
using Academy.Catalog.Settings;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Engine;
using Academy.Sandbox.Tests.Support;
using Academy.Sandbox.Up;

namespace Academy.Sandbox.Tests;

/// <summary>Endpoints that are not a working DynamoDB, opened by the test on free loopback ports.</summary>
public sealed class EndpointFailureTests
{
    // Not a timing assertion (the benchmark prints the figure): a bound so a hang fails instead of waiting 90 s.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [TestCase("up")]
    [TestCase("show")]
    [TestCase("verify")]
    public async Task ALocalEndpointThatNeverAnswersIsReportedWithinSecondsAsNothingAnswering(string command)
    {
        using var server = LoopbackServer.Silent();
        var clock = Stopwatch.StartNew();

        var run = await Tool.RunAsync(command, "--endpoint", server.Endpoint, "--project", LocalEngine.Repo.Root).WaitAsync(Bound);

        TestContext.Out.WriteLine($"{command}: {clock.Elapsed.TotalSeconds:0.0} s: {run.Error}");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Unreachable), run.Error);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), run.Error);
        Assert.That(lines[0], Does.Contain(server.Endpoint).And.Contain("nothing answered").And.Not.Contain("canceled").And.Not.Contain(" at Academy"));
        // The pasted stop and start act on the engine at that port, not on the default one.
        Assert.That(lines[0], Does.Match($"\\(`ACADEMY_SANDBOX_PORT={server.Port} [^` ]*seed/engine/engine.sh stop`, then `ACADEMY_SANDBOX_PORT={server.Port} [^` ]*seed/engine/engine.sh start`\\)"));
    }

    [TestCase(500, "Internal Server Error", "<html><body><h1>500 Internal Server Error</h1></body></html>")]
    [TestCase(404, "Not Found", "<html><body>no such page</body></html>")]
    [TestCase(200, "OK", "<html><body>It works!</body></html>")]
    public async Task AnHttpServerThatIsNotDynamoDbIsCalledThat(int status, string reason, string html)
    {
        using var server = LoopbackServer.Http(status, reason, "text/html", html);

        var run = await Tool.RunAsync("up", "--endpoint", server.Endpoint, "--project", LocalEngine.Repo.Root).WaitAsync(Bound);

        TestContext.Out.WriteLine(run.Error);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Unreachable), run.Error);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), run.Error);
        Assert.That(lines[0], Does.Contain(server.Endpoint).And.Contain("is not DynamoDB").And.Contain($"HTTP {status}")
            .And.Not.Contain("See inner exception").And.Not.Contain("throttl"));
    }

    [Test]
    public async Task AnEngineThatKeepsFailingWithInternalServerErrorIsReportedAsAServerErrorNotAsThrottling()
    {
        using var proxy = new FlakyProxy(LocalEngine.Endpoint, _ => (500, """{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"Internal server error"}"""));
        var catalog = CatalogBuilder.Build(new DictionaryConfigSource(Tool.NewUser()), LocalEngine.Repo);
        using var client = EngineTarget.Local(proxy.Endpoint).CreateClient();
        var runner = new UpRunner(client, TextWriter.Null, 1, new Backoff(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5), 3));

        var error = Assert.ThrowsAsync<SandboxException>(() => runner.RunAsync(catalog, prune: false, CancellationToken.None).WaitAsync(Bound))!;

        Assert.That(error.Message, Does.Contain("server error: InternalServerError: Internal server error").And.Not.Contain("throttl"));
    }

    [Test]
    public async Task AnInternalServerErrorOutsideWritesIsCalledAServerErrorNotARefusal()
    {
        using var server = LoopbackServer.Http(500, "Internal Server Error", "application/x-amz-json-1.0", """{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"Internal server error"}""");

        var run = await Tool.RunAsync("show", "--endpoint", server.Endpoint, "--project", LocalEngine.Repo.Root).WaitAsync(Bound);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failed), run.Error);
        Assert.That(run.Error.Trim(), Is.EqualTo($"error: DynamoDB at {server.Endpoint} failed with a server error: InternalServerError: Internal server error; the request may succeed if you run the command again"));
    }
}
