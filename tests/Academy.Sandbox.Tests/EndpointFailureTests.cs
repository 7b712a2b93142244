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

    private const string Json = "Content-Type: application/x-amz-json-1.0\r\nConnection: close\r\n";

    [TestCase("", "broke off")]
    [TestCase("HTTP/1.1 200 OK\r\n" + Json + "Content-Length: 1000\r\n\r\n{\"Ta", "broke off")]
    [TestCase("HTTP/1.1 200 OK\r\n" + Json + "Transfer-Encoding: chunked\r\n\r\nZZZ\r\n", "malformed")]
    [TestCase("HTTP/1.1 200 OK\r\n" + Json + "x-amz-crc32: 1\r\nContent-Length: 2\r\n\r\n{}", "CRC32")]
    [TestCase("HTTP/1.1 400 Bad Request\r\n" + Json + "Content-Length: 31\r\n\r\n{\"__type\":12,\"message\":{\"a\":1}}", "could not read")]
    public async Task AnAnswerThatIsNotWellFormedHttpOrDynamoDbIsOneLineNotAStackTrace(string response, string said)
    {
        using var server = LoopbackServer.Raw(response);

        foreach (var command in new[] { "show", "verify", "up", "plan", "down" })
        {
            var run = await Tool.RunAsync(command, "--endpoint", server.Endpoint, "--project", LocalEngine.Repo.Root).WaitAsync(Bound);

            var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Unreachable), $"{command}: {run.Error}");
            Assert.That(lines, Has.Length.EqualTo(1), $"{command}: {run.Error}");
            Assert.That(lines[0], Does.Contain($"the server at {server.Endpoint} is not DynamoDB").And.Contain(said).And.Not.Contain(" at Academy"), command);
        }
    }

    // One body for every request: a table description that fits the catalog's key and a scan page.
    private static string Answer(string scan) =>
        "{\"Table\": {\"TableStatus\": \"ACTIVE\", \"KeySchema\": [{\"AttributeName\": \"name\", \"KeyType\": \"HASH\"}], "
        + "\"AttributeDefinitions\": [{\"AttributeName\": \"name\", \"AttributeType\": \"S\"}], \"BillingModeSummary\": {\"BillingMode\": \"PAY_PER_REQUEST\"}}, " + scan + "}";

    [TestCase("{}", "a description of", "without the table's key in it")]
    [TestCase("SCAN:\"Items\": [{\"name\": {\"S\": \"dup\"}}, {\"name\": {\"S\": \"dup\"}}]", "that returned one item twice", "a scan of alice-academy-")]
    [TestCase("SCAN:\"Items\": [], \"LastEvaluatedKey\": {\"name\": {\"S\": \"again\"}}", "the same position to go on from (LastEvaluatedKey) twice", "twice")]
    [TestCase("SCAN:\"Items\": [null]", "an empty or null item", "a scan of alice-academy-")]
    [TestCase("SCAN:\"Items\": [{\"name\": {\"S\": \"a\"}, \"x\": {}}]", "that returned a value DynamoDB never gives", "a scan of alice-academy-")]
    [TestCase("SCAN:\"Items\": [{\"name\": {\"S\": \"a\"}, \"x\": {\"L\": [{\"M\": {\"y\": {}}}]}}]", "that returned a value DynamoDB never gives", "a scan of alice-academy-")]
    [TestCase("SCAN:\"Items\": [], \"LastEvaluatedKey\": {\"name\": {}}", "(LastEvaluatedKey) with a value DynamoDB never gives", "a scan of alice-academy-")]
    [TestCase("SCAN:\"Items\": [], \"LastEvaluatedKey\": {\"name\": null}", "(LastEvaluatedKey) with a value DynamoDB never gives", "a scan of alice-academy-")]
    [TestCase("SCAN:\"Items\": [], \"LastEvaluatedKey\": {\"name\": {\"M\": {\"n\": {}}}}", "(LastEvaluatedKey) with a value DynamoDB never gives", "a scan of alice-academy-")]
    [TestCase("SCAN:\"Items\": [{\"name\": {\"S\": \"a\", \"N\": \"1\"}}]", "that returned a value DynamoDB never gives", "a scan of alice-academy-")]
    [TestCase("SCAN:\"Items\": [{\"name\": {\"S\": \"a\"}, \"x\": {\"SS\": []}}]", "that returned a value DynamoDB never gives", "a scan of alice-academy-")]
    [TestCase("SCAN:\"Items\": [{\"name\": {\"S\": \"a\"}, \"x\": {\"SS\": [\"a\", null]}}]", "that returned a value DynamoDB never gives", "a scan of alice-academy-")]
    [TestCase("SCAN:\"Items\": [{\"name\": {\"S\": \"a\"}, \"x\": {\"SS\": [\"a\", \"a\"]}}]", "that returned a value DynamoDB never gives", "a scan of alice-academy-")]
    [TestCase("SCAN:\"Items\": [{\"name\": {\"S\": \"a\"}, \"x\": {\"NS\": [\"1\", \"1.0\"]}}]", "that returned a value DynamoDB never gives", "a scan of alice-academy-")]
    [TestCase("SCAN:\"Items\": [{\"name\": {\"S\": \"a\"}, \"x\": {\"N\": \"abc\"}}]", "that returned a value DynamoDB never gives", "a scan of alice-academy-")]
    [TestCase("SCAN:\"Items\": [{\"name\": {\"S\": \"a\"}, \"x\": {\"NULL\": false}}]", "that returned a value DynamoDB never gives", "a scan of alice-academy-")]
    [TestCase("SCAN:\"Items\": [], \"LastEvaluatedKey\": {\"name\": {\"N\": \"abc\"}}", "(LastEvaluatedKey) with a value DynamoDB never gives", "a scan of alice-academy-")]
    [TestCase("SCAN:\"Items\": [{\"tz\": {\"S\": \"x\"}}]", "an item without its key", "a scan of alice-academy-")]
    [TestCase("{\"Table\": \"x\"}", "a description of", "without the table's key in it")]
    public async Task AnAnswerNoDynamoDbGivesIsOneLineNotAStackTraceOrAHang(string body, string said, string also)
    {
        var json = body.StartsWith("SCAN:", StringComparison.Ordinal) ? Answer(body["SCAN:".Length..]) : body;
        // An item key may come from secret config: none is named.
        using var server = LoopbackServer.Http(200, "OK", "application/x-amz-json-1.0", json);

        foreach (var command in body.StartsWith("SCAN:", StringComparison.Ordinal) ? new[] { "show", "verify", "plan", "adopt", "export" } : ["up", "show", "verify", "adopt"])
        {
            // export writes files: never into the repository, should it get that far.
            string[] scratch = command == "export" ? ["--out", Path.Combine(Path.GetTempPath(), "academy-export-" + Guid.NewGuid().ToString("N"))] : [];
            var run = await Tool.RunAsync([command, "--user", "alice", "--endpoint", server.Endpoint, "--project", LocalEngine.Repo.Root, .. scratch]).WaitAsync(Bound);

            var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Unreachable), $"{command}: {run.Error}");
            Assert.That(lines, Has.Length.EqualTo(1), $"{command}: {run.Error}");
            Assert.That(lines[0], Does.Contain($"the server at {server.Endpoint} is not DynamoDB").And.Contain(said).And.Contain(also), command);
            Assert.That(lines[0], Does.Not.Contain("dup"), command);
        }
    }

    [TestCase(2_000, 0, @"read 250,000 items in 125 pages \(\d+ MB\)")]
    [TestCase(1, 0, @"read 1,000 items in 1,000 pages \(\d+ MB\)")]
    [TestCase(1, 8_000_000, @"read (\d) items in \1 pages \((6[4-9]|7\d) MB\)")]
    public async Task AScanThatNeverEndsStopsAtItsLimitInOneLine(int perPage, int padding, string said)
    {
        // Every page new items and a new position to go on from, for ever: before, the tool asked
        // until the machine's memory ran out.
        var pad = padding == 0 ? "" : $", \"pad\": {{\"S\": \"{new string('x', padding)}\"}}";
        using var server = LoopbackServer.Http(200, "OK", "application/x-amz-json-1.0", n => Answer(
            "\"Items\": [" + string.Join(", ", Enumerable.Range(0, perPage).Select(i => $"{{\"name\": {{\"S\": \"p{n}-{i}\"}}{pad}}}")) + "], "
            + $"\"LastEvaluatedKey\": {{\"name\": {{\"S\": \"p{n}\"}}}}"));

        foreach (var command in new[] { "show", "verify" })
        {
            var run = await Tool.RunAsync(command, "--user", "alice", "--endpoint", server.Endpoint, "--project", LocalEngine.Repo.Root).WaitAsync(Bound);

            var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failed), $"{command}: {run.Error}");
            Assert.That(lines, Has.Length.EqualTo(1), $"{command}: {run.Error}");
            Assert.That(lines[0], Does.StartWith("error: the scan of table alice-academy-").And.Match(said).And.Contain("still had more")
                .And.Contain($"{LiveTable.MaxItems:N0} items, {LiveTable.MaxPages:N0} pages or 64 MB"), command);
        }
    }

    // DynamoDB says DELETING from the moment a table is deleted; before, an endpoint that went on
    // saying ACTIVE kept down waiting for 5 minutes, noting the table was "still being deleted".
    [Test]
    public void ATableStillActiveAfterItsDeletionIsNotDynamoDbNotAFiveMinuteWait()
    {
        using var server = LoopbackServer.Http(200, "OK", "application/x-amz-json-1.0", Answer("\"Items\": []"));
        var catalog = CatalogBuilder.Build(new DictionaryConfigSource("alice"), LocalEngine.Repo);
        using var client = EngineTarget.Local(server.Endpoint).CreateClient();

        var error = Assert.ThrowsAsync<EngineAnswerException>(() =>
            Academy.Sandbox.Down.DownRunner.RunAsync(client, catalog, "global", TextWriter.Null, CancellationToken.None, TimeSpan.FromMilliseconds(300)).WaitAsync(Bound))!;

        Assert.That(error.Message, Does.StartWith("a table alice-academy-global still ACTIVE ").And.EndWith("s after it was deleted, where DynamoDB says DELETING until it is gone"));
    }

    // A table gone and created again by another client is a new table (a new creation time), not the
    // deleted one come back: before, down called the endpoint "not DynamoDB".
    [Test]
    public void ATableCreatedAgainWhileDownWaitsIsSaidToBeSo()
    {
        static string Described(string status, int created) =>
            "{\"Table\": {\"TableStatus\": \"" + status + "\", \"CreationDateTime\": " + created + ", \"KeySchema\": [{\"AttributeName\": \"name\", \"KeyType\": \"HASH\"}], "
            + "\"AttributeDefinitions\": [{\"AttributeName\": \"name\", \"AttributeType\": \"S\"}]}}";

        // The delete, two descriptions of the table being deleted, then one created since.
        using var server = LoopbackServer.Http(200, "OK", "application/x-amz-json-1.0", n => n <= 2 ? Described("DELETING", 1_000) : Described("CREATING", 2_000));
        var catalog = CatalogBuilder.Build(new DictionaryConfigSource("alice"), LocalEngine.Repo);
        using var client = EngineTarget.Local(server.Endpoint).CreateClient();

        var error = Assert.ThrowsAsync<SandboxException>(() =>
            Academy.Sandbox.Down.DownRunner.RunAsync(client, catalog, "global", TextWriter.Null, CancellationToken.None, TimeSpan.FromMilliseconds(300)).WaitAsync(Bound))!;

        Assert.That(error.Message, Is.EqualTo("error: table alice-academy-global was deleted and then created again by someone else while this waited for it to be gone (it is CREATING now); run the command again once they are done"));
    }

    // Before, an answer past the size no DynamoDB answer reaches was called "nothing answered", with
    // hints to stop and start a stuck engine.
    [Test]
    public async Task AnAnswerPast64MbIsNotDynamoDbNotSilence()
    {
        using var server = LoopbackServer.Http(200, "OK", "application/x-amz-json-1.0",
            Answer($"\"Items\": [{{\"name\": {{\"S\": \"a\"}}, \"pad\": {{\"S\": \"{new string('x', 65 * 1024 * 1024)}\"}}}}]"));

        var run = await Tool.RunAsync("show", "--user", "alice", "--endpoint", server.Endpoint, "--project", LocalEngine.Repo.Root).WaitAsync(Bound);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Unreachable));
        Assert.That(run.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1), run.Error);
        Assert.That(run.Error, Does.StartWith($"error: the server at {server.Endpoint} is not DynamoDB: it answered a DynamoDB request with an answer that ran past 64 MB")
            .And.Not.Contain("stuck"));
    }

    // The local engine listens on 127.0.0.1 alone, so whatever holds a port at [::1] is not it:
    // before, the hint said to stop and start the engine "there", which acted on nothing there.
    [Test]
    public async Task NothingAnsweringAtTheIpv6LoopbackIsNotCalledAStuckLocalEngine()
    {
        Assume.That(System.Net.Sockets.Socket.OSSupportsIPv6, "this machine has no IPv6");
        using var server = LoopbackServer.SilentOnIpv6();

        var run = await Tool.RunAsync("show", "--user", "alice", "--endpoint", server.Endpoint, "--project", LocalEngine.Repo.Root).WaitAsync(Bound);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Unreachable));
        Assert.That(run.Error.TrimEnd(), Does.StartWith($"error: nothing answered at {server.Endpoint} (")
            .And.EndWith($"the local engine listens on 127.0.0.1 only, so another program holds that port at [::1]: use --endpoint http://127.0.0.1:{server.Port}, or pass the --endpoint of a DynamoDB engine")
            .And.Not.Contain("engine.sh"));
    }

    [Test]
    public async Task HttpsToTheLocalEngineWhichSpeaksHttpSaysToUseHttp()
    {
        var https = "https://" + LocalEngine.Endpoint["http://".Length..];

        var run = await Tool.RunAsync("show", "--user", Tool.NewUser(), "--endpoint", https, "--project", LocalEngine.Repo.Root).WaitAsync(Bound);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Unreachable));
        Assert.That(run.Error.Trim(), Does.StartWith($"error: the server at {https} does not answer over HTTPS (its TLS handshake failed: ")
            .And.EndWith($"the local engine speaks plain HTTP: use --endpoint {LocalEngine.Endpoint}"));
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
