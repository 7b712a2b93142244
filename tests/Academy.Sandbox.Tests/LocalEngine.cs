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

    /// <summary>
    /// A client with the SDK's own timeouts instead of the sandbox's 5-second first-byte deadline, for a
    /// test's setup requests the engine takes long over on a loaded machine (sizing a 400 KB item).
    /// </summary>
    public static AmazonDynamoDBClient PatientClient() =>
        new(new Amazon.Runtime.BasicAWSCredentials("sandbox", "sandbox"), new AmazonDynamoDBConfig { ServiceURL = Endpoint, AuthenticationRegion = "us-east-1" });

    /// <summary>
    /// The tables whose names start with <paramref name="prefix"/>, from every page of ListTables: the
    /// shared engine holds more than a page (100) of tables when fixtures run side by side, so a check
    /// of the first page alone could miss the very table it looks for.
    /// </summary>
    public static async Task<List<string>> TablesAsync(string prefix)
    {
        using var client = Client();
        var tables = new List<string>();
        await foreach (var name in client.Paginators.ListTables(new Amazon.DynamoDBv2.Model.ListTablesRequest()).TableNames)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                tables.Add(name);
            }
        }

        return tables;
    }

    [OneTimeSetUp]
    public async Task StartAsync() => _engine = await Dynalite.StartAsync(Repo.Resolve("seed/engine"));

    [OneTimeTearDown]
    public void Stop() => _engine?.Dispose();
}
