using System.CommandLine;
using Academy.Catalog.Errors;
using Academy.Sandbox.Engine;
using Academy.Sandbox.Plan;
using Academy.Sandbox.Show;
using Academy.Sandbox.Up;
using Academy.Sandbox.Verify;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace Academy.Sandbox.Cli;

/// <summary>The academy-sandbox command line: plan, up, show, verify.</summary>
public static class SandboxCli
{
    /// <summary>Runs one command line, writing to the given writers; returns the exit code.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct = default) =>
        Build().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, ct);

    public static RootCommand Build()
    {
        var options = new SandboxOptions();
        var root = new RootCommand("The academy's DynamoDB tables on your machine (or in AWS), from the same catalog the Pulumi program declares.");

        var plan = new Command("plan", "Print the tables and every item in DynamoDB JSON, as the Pulumi program declares them (no network)");
        options.AddCatalogOptions(plan);
        plan.Options.Add(options.Json);
        plan.SetAction((result, ct) => Guard(result, null, ct, (output, error) =>
        {
            var (catalog, source) = CatalogLoader.Load(result, options, error);
            if (result.GetValue(options.Json))
            {
                PlanPrinter.Json(catalog, source, output);
            }
            else
            {
                PlanPrinter.Text(catalog, source, output);
            }

            return Task.FromResult(ExitCodes.Ok);
        }));

        var up = new Command("up", "Create missing tables and write the catalog's items; running it again changes nothing");
        options.AddCatalogOptions(up);
        options.AddTargetOptions(up);
        up.Options.Add(options.Prune);
        up.Options.Add(options.Concurrency);
        up.SetAction((result, ct) => Guard(result, options.Target(result), ct, async (output, error) =>
        {
            var (catalog, _) = CatalogLoader.Load(result, options, error);
            var target = options.Target(result);
            using var client = target.CreateClient();
            output.WriteLine($"up: learner {catalog.Settings.User} -> {target.Describe}");
            var outcome = await new UpRunner(client, output, result.GetValue(options.Concurrency)).RunAsync(catalog, result.GetValue(options.Prune), ct);
            var rate = outcome.Written >= 100 ? $" ({outcome.Written / outcome.Elapsed.TotalSeconds:N0} items/s)" : "";
            output.WriteLine($"done in {outcome.Elapsed.TotalSeconds:0.00} s: {outcome.Written:N0} written{rate}, {outcome.Unchanged:N0} unchanged, {outcome.Pruned:N0} pruned"
                + (outcome.Retries > 0 ? $", {outcome.Retries:N0} retried" : "")
                + (outcome.ChangedNothing ? "; nothing changed" : ""));
            return ExitCodes.Ok;
        }));

        var show = new Command("show", "Read the live tables back and print what the ETL sees: global settings and each job's resolved URLs");
        options.AddCatalogOptions(show);
        options.AddTargetOptions(show);
        show.Options.Add(options.Json);
        show.SetAction((result, ct) => Guard(result, options.Target(result), ct, async (output, error) =>
        {
            var (catalog, _) = CatalogLoader.Load(result, options, error);
            var target = options.Target(result);
            using var client = target.CreateClient();
            var view = await ShowRunner.ReadAsync(client, catalog, target, ct);
            if (result.GetValue(options.Json))
            {
                ShowPrinter.Json(view, output);
            }
            else
            {
                ShowPrinter.Text(view, output);
            }

            return ExitCodes.Ok;
        }));

        var verify = new Command("verify", "Compare the live tables with the catalog; exit 1 and list every missing, extra or different item on drift");
        options.AddCatalogOptions(verify);
        options.AddTargetOptions(verify);
        verify.SetAction((result, ct) => Guard(result, options.Target(result), ct, async (output, error) =>
        {
            var (catalog, _) = CatalogLoader.Load(result, options, error);
            var target = options.Target(result);
            using var client = target.CreateClient();
            output.WriteLine($"verify: learner {catalog.Settings.User} at {target.Describe}");
            var drift = await VerifyRunner.RunAsync(client, catalog, output, ct);
            output.WriteLine(drift == 0 ? "in step: the live tables hold exactly what the catalog declares" : $"drift: {drift} difference(s); `up` writes what is missing or different, `up --prune` also deletes extras");
            return drift == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        }));

        root.Subcommands.Add(plan);
        root.Subcommands.Add(up);
        root.Subcommands.Add(show);
        root.Subcommands.Add(verify);
        return root;
    }

    // Every failure a user can act on becomes one line and an exit code; only real bugs show a stack trace.
    private static async Task<int> Guard(ParseResult result, EngineTarget? target, CancellationToken cancelled, Func<TextWriter, TextWriter, Task<int>> action)
    {
        var output = result.InvocationConfiguration.Output;
        var error = result.InvocationConfiguration.Error;
        try
        {
            return await action(output, error);
        }
        catch (OperationCanceledException) when (cancelled.IsCancellationRequested)
        {
            error.WriteLine("cancelled; run the command again to finish (up writes only what is still missing)");
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
        catch (Exception e) when (target is not null && !cancelled.IsCancellationRequested && ConnectionFailure.Is(e))
        {
            error.WriteLine(ConnectionFailure.Describe(target, e));
            return ExitCodes.Unreachable;
        }
        catch (AmazonDynamoDBException e)
        {
            error.WriteLine($"error: DynamoDB at {target?.Describe} refused the request: {e.ErrorCode}: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (AmazonClientException e) when (target is { IsAws: true })
        {
            error.WriteLine($"error: cannot use AWS: {e.Message}; configure credentials (aws configure, AWS_PROFILE) and a region (AWS_REGION)");
            return ExitCodes.Unreachable;
        }
    }
}
