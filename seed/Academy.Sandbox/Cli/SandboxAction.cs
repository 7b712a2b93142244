using System.CommandLine;
using System.CommandLine.Invocation;
using Academy.Catalog.Errors;
using Academy.Sandbox.Engine;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace Academy.Sandbox.Cli;

/// <summary>
/// The base of every command's action: resolves the engine once, then turns every failure a user can
/// act on into one line and a documented exit code; only real bugs show a stack trace.
/// </summary>
public abstract class SandboxAction(CatalogOptions catalog, TargetOptions? target = null) : AsynchronousCommandLineAction
{
    public sealed override async Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var engine = target?.Resolve(parseResult);
        var hints = Hints.From(parseResult, target is null ? catalog.All : catalog.All.Concat(target.All));
        var run = new SandboxRun(parseResult, catalog, engine, hints);
        var error = run.Error;
        try
        {
            return await RunAsync(run, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error.WriteLine($"cancelled; run the command again to finish{CancelledHint(run)}");
            return ExitCodes.Cancelled;
        }
        catch (CatalogException e)
        {
            error.WriteLine(e.Message);
            return ExitCodes.CatalogInvalid;
        }
        catch (SandboxException e)
        {
            error.WriteLine(e.Message);
            return e.ExitCode;
        }
        catch (Exception e) when (engine is not null && !cancellationToken.IsCancellationRequested && ConnectionFailure.Is(e))
        {
            error.WriteLine(ConnectionFailure.Describe(engine, e));
            return ExitCodes.Unreachable;
        }
        catch (AmazonDynamoDBException e)
        {
            error.WriteLine($"error: DynamoDB at {engine?.Describe} refused the request: {e.ErrorCode}: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (AmazonClientException e) when (engine is { IsAws: true })
        {
            error.WriteLine($"error: cannot use AWS: {e.Message}; configure credentials (aws configure, AWS_PROFILE) and a region (AWS_REGION)");
            return ExitCodes.Unreachable;
        }
    }

    /// <summary>The command's work; returns its exit code.</summary>
    protected abstract Task<int> RunAsync(SandboxRun run, CancellationToken ct);

    /// <summary>Appended to the "cancelled" line, e.g. what running the command again does.</summary>
    protected virtual string CancelledHint(SandboxRun run) => "";
}
