using System.CommandLine;
using System.CommandLine.Invocation;
using Academy.Catalog.Errors;
using Academy.Sandbox.Course;
using Academy.Sandbox.Engine;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace Academy.Sandbox.Cli;

/// <summary>
/// The base of every command's action: resolves the engine once, then turns every failure a user can
/// act on into one line and a documented exit code; only real bugs show a stack trace.
/// </summary>
public abstract class SandboxAction(CatalogOptions catalog, TargetOptions? target = null, RosterOptions? roster = null) : AsynchronousCommandLineAction
{
    /// <summary>The codes this base returns for any command (the catch blocks below), listed in every --help after the command's own.</summary>
    public IReadOnlyList<(int Code, string Meaning)> CommonExitCodes => target is null
        ? [ExitCodes.CatalogInvalidHelp, ExitCodes.CancelledHelp]
        : [ExitCodes.EngineRefusedHelp, ExitCodes.CatalogInvalidHelp, ExitCodes.UnreachableHelp, ExitCodes.CancelledHelp];

    public sealed override async Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var engine = target?.Resolve(parseResult);
        var hints = Hints.From(parseResult, [.. roster?.Scope ?? [], .. catalog.All], target?.All ?? []).WithEngine(engine);
        var run = new SandboxRun(parseResult, catalog, engine, hints);
        try
        {
            return await RunAsync(run, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fail(run, $"cancelled; run the command again to finish{CancelledHint(run)}", ExitCodes.CancelledHelp.Code);
        }
        catch (CatalogException e)
        {
            return Fail(run, e.Message, ExitCodes.CatalogInvalidHelp.Code);
        }
        catch (SandboxException e)
        {
            return Fail(run, e.Message, e.ExitCode);
        }
        catch (Exception e) when (engine is not null && !cancellationToken.IsCancellationRequested && ConnectionFailure.Describe(engine, e) is { } line)
        {
            return Fail(run, line, ExitCodes.UnreachableHelp.Code);
        }
        catch (AmazonDynamoDBException e) when ((int)e.StatusCode >= 500)
        {
            // The engine's own fault (InternalServerError, ServiceUnavailable), not the request's.
            return Fail(run, $"error: DynamoDB at {engine?.Describe} failed with a server error: {e.ErrorCode}: {e.Message}; the request may succeed if you run the command again", ExitCodes.EngineRefusedHelp.Code);
        }
        catch (AmazonDynamoDBException e)
        {
            return Fail(run, $"error: DynamoDB at {engine?.Describe} refused the request: {e.ErrorCode}: {e.Message}", ExitCodes.EngineRefusedHelp.Code);
        }
        catch (AmazonClientException e) when (engine is { IsAws: true })
        {
            // The SDK's message can span lines (one per credential provider tried); the first says what failed.
            return Fail(run, $"error: cannot use AWS: {e.Message.Split('\n')[0].Trim()}; check your credentials (aws configure, AWS_PROFILE) and region (AWS_REGION)", ExitCodes.UnreachableHelp.Code);
        }
    }

    /// <summary>The command's work; returns its exit code.</summary>
    protected abstract Task<int> RunAsync(SandboxRun run, CancellationToken ct);

    // One line for people on stderr; with --json also the one document on stdout, with the error in it.
    private static int Fail(SandboxRun run, string message, int exitCode)
    {
        // Every failure is one line, whatever it quotes (an engine's message, a value with a line
        // feed); only the catalog's list of problems has a line per problem.
        message = exitCode == ExitCodes.CatalogInvalid ? message : Excerpt.Escape(message);
        run.Error.WriteLine(message);
        if (JsonOutput.Requested(run.Result))
        {
            JsonOutput.WriteFailure(run.Output, message, exitCode);
        }

        return exitCode;
    }

    /// <summary>Appended to the "cancelled" line, e.g. what running the command again does.</summary>
    protected virtual string CancelledHint(SandboxRun run) => "";
}
