using System.CommandLine;
using Academy.Sandbox.Engine;
using Amazon.DynamoDBv2;

namespace Academy.Sandbox.Cli;

/// <summary>One invocation as an action sees it: its writers, its engine (resolved once), its catalog and its hints.</summary>
public sealed class SandboxRun(ParseResult result, CatalogOptions catalog, EngineTarget? target, Hints hints)
{
    private LoadedCatalog? _loaded;

    public ParseResult Result { get; } = result;

    public TextWriter Output => Result.InvocationConfiguration.Output;

    public TextWriter Error => Result.InvocationConfiguration.Error;

    /// <summary>The engine the command talks to; only commands declared with <see cref="TargetOptions"/> have one.</summary>
    public EngineTarget Target => target ?? throw new InvalidOperationException("this command has no --endpoint/--aws options");

    /// <summary>False for a command whose target is optional (plan) when neither --endpoint nor --aws was given.</summary>
    public bool HasTarget => target is not null;

    /// <summary>Commands to suggest, carrying the --user/--stack/--endpoint the user gave.</summary>
    public Hints Hints { get; } = hints;

    public T Get<T>(Option<T> option) => Result.GetValue(option)!;

    /// <summary>The catalog, built once per run.</summary>
    public LoadedCatalog Catalog() => _loaded ??= catalog.Load(Result, Error);

    /// <summary>
    /// The catalog, built off the caller's thread so Ctrl+C is answered at once even while a large
    /// catalog is still being validated (the build has no cancellation of its own; the process ends anyway).
    /// </summary>
    public Task<LoadedCatalog> CatalogAsync(CancellationToken ct) => Task.Run(Catalog, CancellationToken.None).WaitAsync(ct);

    /// <summary>
    /// The catalog and a client of the target. Against an endpoint (the local engine) the catalog's
    /// tables are scanned while it is built (<see cref="LiveReads"/>); against AWS the client is made
    /// and the tables read only once the catalog holds up, so a catalog with a problem costs no scan and
    /// its problems come before any about credentials.
    /// </summary>
    public async Task<CatalogOnTarget> CatalogOnTargetAsync(CancellationToken ct)
    {
        if (Target.IsAws)
        {
            var loaded = await CatalogAsync(ct);
            return new CatalogOnTarget(loaded, Target.CreateClient(), LiveReads.None);
        }

        var client = Target.CreateClient();
        var reads = LiveReads.None;
        try
        {
            var loaded = await Task.Run(
                () => _loaded = catalog.Load(Result, Error, tables => reads = LiveReads.Start(client, tables.Select(t => t.Name), ct)),
                CancellationToken.None).WaitAsync(ct);
            return new CatalogOnTarget(loaded, client, reads);
        }
        catch
        {
            reads.Dispose();
            client.Dispose();
            throw;
        }
    }
}

/// <summary>A built catalog, a client of the target and the scans of its tables already under way.</summary>
public sealed record CatalogOnTarget(LoadedCatalog Loaded, AmazonDynamoDBClient Client, LiveReads Reads) : IDisposable
{
    public void Dispose()
    {
        Reads.Dispose();
        Client.Dispose();
    }
}
