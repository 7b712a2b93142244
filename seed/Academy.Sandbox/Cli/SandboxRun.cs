using System.CommandLine;
using Academy.Sandbox.Engine;

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
}
