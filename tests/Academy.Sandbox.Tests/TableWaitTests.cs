using Academy.Catalog;
using Academy.Catalog.Settings;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Down;
using Academy.Sandbox.Engine;
using Academy.Sandbox.Tests.Support;
using Academy.Sandbox.Up;

namespace Academy.Sandbox.Tests;

/// <summary>
/// AWS takes seconds to create or delete a table, and a broken endpoint can keep one CREATING for
/// minutes: up and down say what they wait for instead of going quiet. Against an engine of its
/// own that keeps each table CREATING or DELETING for 2.5 seconds, with a note every 300 ms.
/// </summary>
[Parallelizable(ParallelScope.Children)] // each test its own learner; the waits overlap
public sealed class TableWaitTests
{
    private static readonly TimeSpan NoteEvery = TimeSpan.FromMilliseconds(300);

    private Dynalite? _slow;

    [OneTimeSetUp]
    public async Task StartAsync() => _slow = await Dynalite.StartAsync(LocalEngine.Repo.Resolve("seed/engine"), tableMs: 2500);

    [OneTimeTearDown]
    public void Stop() => _slow?.Dispose();

    [Test]
    public async Task UpSaysItWaitsForANewTableUntilItIsActive()
    {
        var user = Tool.NewUser();
        using var client = EngineTarget.Local(_slow!.Endpoint).CreateClient();
        var output = new StringWriter();

        await new UpRunner(client, output, concurrency: 4) { WaitNoteEvery = NoteEvery }
            .RunAsync(CatalogBuilder.Build(new DictionaryConfigSource(user), LocalEngine.Repo), prune: false, CancellationToken.None);

        var lines = output.ToString().Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Some.Match($@"^  table {user}-academy-global: CREATING after \d+ s; waiting until it is ACTIVE \(at most 5 minutes\)$"));
            Assert.That(lines, Has.Some.EqualTo($"  table {user}-academy-global: created, ACTIVE"));
            Assert.That(lines, Has.Some.EqualTo("  global: 1 written, 0 unchanged"));
        });
    }

    [Test]
    public async Task DownSaysItWaitsForATableUntilItIsGoneAndAShortWaitSaysNothing()
    {
        var user = Tool.NewUser();
        using var client = EngineTarget.Local(_slow!.Endpoint).CreateClient();
        var catalog = CatalogBuilder.Build(new DictionaryConfigSource(user), LocalEngine.Repo);
        var up = new StringWriter();
        await new UpRunner(client, up, concurrency: 4).RunAsync(catalog, prune: false, CancellationToken.None);
        var output = new StringWriter();

        var deleted = await DownRunner.RunAsync(client, catalog, "jobs", output, CancellationToken.None, NoteEvery);

        var lines = output.ToString().Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(up.ToString(), Does.Contain("created, ACTIVE").And.Not.Contain("waiting until"), "the default note comes after 10 s; these tables take 2.5");
            Assert.That(deleted, Is.EqualTo(new[] { $"{user}-academy-jobs" }));
            Assert.That(lines, Has.Some.Match($@"^  table {user}-academy-jobs: still being deleted after \d+ s; waiting until it is gone \(at most 5 minutes\)$"));
            Assert.That(lines, Has.Some.EqualTo($"  table {user}-academy-jobs: deleted, with every item in it"));
        });
    }

    [Test]
    public void AStatusFromAHostileEndpointIsQuotedEscapedAndShort()
    {
        var status = "CREAT\nING\u001b]0;owned\u0007" + new string('x', 5000);
        using var server = LoopbackServer.Http(200, "OK", "application/x-amz-json-1.0", $$$"""
            {"Table": {"TableName": "t", "TableStatus": {{{System.Text.Json.JsonSerializer.Serialize(status)}}},
             "KeySchema": [{"AttributeName": "name", "KeyType": "HASH"}], "AttributeDefinitions": [{"AttributeName": "name", "AttributeType": "S"}]}}
            """);
        using var client = EngineTarget.Local(server.Endpoint).CreateClient();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));
        var notes = new List<string>();

        Assert.CatchAsync<OperationCanceledException>(() => TableProvisioner.WaitActiveAsync(client, "t", notes.Add, stop.Token, NoteEvery));

        Assert.That(notes, Is.Not.Empty);
        Assert.That(notes, Has.All.StartWith("  table t: CREAT").And.All.Length.LessThan(200).And.None.Match("[\\x00-\\x1f]"));
    }

    [Test]
    public async Task UpAfterAStoppedDownWaitsUntilTheTableIsGoneAndCreatesItAgain()
    {
        var user = Tool.NewUser();
        using var client = EngineTarget.Local(_slow!.Endpoint).CreateClient();
        var catalog = CatalogBuilder.Build(new DictionaryConfigSource(user), LocalEngine.Repo);
        await new UpRunner(client, TextWriter.Null, concurrency: 4).RunAsync(catalog, prune: false, CancellationToken.None);
        await client.DeleteTableAsync($"{user}-academy-global"); // what a down stopped with Ctrl+C leaves: a table being deleted
        var output = new StringWriter();

        var result = await new UpRunner(client, output, concurrency: 4) { WaitNoteEvery = NoteEvery }
            .RunAsync(catalog, prune: false, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        var lines = output.ToString().Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(result.Tables.Single(t => t.TableKey == "global").Created, Is.True);
            Assert.That(lines, Has.Some.Match($@"^  table {user}-academy-global: still being deleted after \d+ s; waiting until it is gone"));
            Assert.That(lines, Has.Some.EqualTo($"  table {user}-academy-global: created, ACTIVE"));
        });
    }

    [Test]
    public async Task DownOfATableStillBeingCreatedWaitsUntilItIsActiveAndDeletesIt()
    {
        var user = Tool.NewUser();
        using var client = EngineTarget.Local(_slow!.Endpoint).CreateClient();
        var catalog = CatalogBuilder.Build(new DictionaryConfigSource(user), LocalEngine.Repo);
        await client.CreateTableAsync(TableProvisioner.CreateRequest(catalog.Table("global")));
        var output = new StringWriter();

        var deleted = await DownRunner.RunAsync(client, catalog, "global", output, CancellationToken.None, NoteEvery).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.That(deleted, Is.EqualTo(new[] { $"{user}-academy-global" }), output.ToString());
        Assert.That(output.ToString(), Does.Contain($"  table {user}-academy-global: CREATING after").And.Contain("deleted, with every item in it"));
    }

    [Test]
    public async Task AWaitForActiveStopsAtOnceWhenTheTableIsBeingDeleted()
    {
        var user = Tool.NewUser();
        using var client = EngineTarget.Local(_slow!.Endpoint).CreateClient();
        var catalog = CatalogBuilder.Build(new DictionaryConfigSource(user), LocalEngine.Repo);
        await new UpRunner(client, TextWriter.Null, concurrency: 4).RunAsync(catalog, prune: false, CancellationToken.None);
        await client.DeleteTableAsync($"{user}-academy-jobs");

        var error = Assert.ThrowsAsync<SandboxException>(() => TableProvisioner.WaitActiveAsync(client, $"{user}-academy-jobs", _ => { }, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.That(error!.Message, Is.EqualTo($"error: table {user}-academy-jobs is being deleted (by `down` or another tool), so it will not become ACTIVE; run the command again once it is gone"));
    }
}
