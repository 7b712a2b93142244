using Academy.Catalog.Project;
using Academy.Sandbox.Engine;
using Academy.Sandbox.Tests.Support;
using Amazon.DynamoDBv2;

namespace Academy.Sandbox.Tests;

/// <summary>Starts one dynalite for every test in this assembly (a SetUpFixture in the root namespace) and stops it at the end.</summary>
[SetUpFixture]
public sealed class LocalEngine
{
    private static Dynalite? _engine;

    public static ProjectPaths Repo => ScratchProject.Repo;

    public static string Endpoint => _engine?.Endpoint ?? throw new InvalidOperationException("the engine did not start");

    public static AmazonDynamoDBClient Client() => EngineTarget.Local(Endpoint).CreateClient();

    [OneTimeSetUp]
    public async Task StartAsync() => _engine = await Dynalite.StartAsync(Repo.Resolve("seed/engine"));

    [OneTimeTearDown]
    public void Stop() => _engine?.Dispose();
}
