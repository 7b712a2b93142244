using System.CommandLine;
using System.CommandLine.Invocation;
using Academy.Sandbox.Commands.Adopt;
using Academy.Sandbox.Commands.Down;
using Academy.Sandbox.Commands.Export;
using Academy.Sandbox.Commands.Plan;
using Academy.Sandbox.Commands.Report;
using Academy.Sandbox.Commands.Show;
using Academy.Sandbox.Commands.Up;
using Academy.Sandbox.Commands.Verify;

namespace Academy.Sandbox.Cli;

/// <summary>
/// The academy-sandbox command line. Each command lives in Commands/&lt;Name&gt;/: a command class
/// declaring its options and an action class doing the work; this root only wires them.
/// </summary>
public static class SandboxCli
{
    /// <summary>Runs one command line, writing to the given writers; returns the exit code.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        var parsed = Build().Parse(args);
        if (parsed.Action is ParseErrorAction parseError)
        {
            // The error lines are the message; the whole help after them would bury it.
            parseError.ShowHelp = false;
            // Its suggestions are part of the error: stderr too, so stdout stays empty for a script.
            parsed.Invoke(new InvocationConfiguration { Output = error, Error = error });
            return Task.FromResult(ExitCodes.Usage);
        }

        return parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, ct);
    }

    public static RootCommand Build()
    {
        var root = new RootCommand("The academy's DynamoDB tables on your machine (or in AWS), from the same catalog the Pulumi program declares.")
        {
            new PlanCommand(),
            new UpCommand(),
            new ShowCommand(),
            new VerifyCommand(),
            new AdoptCommand(),
            new ExportCommand(),
            new DownCommand(),
            new ReportCommand(),
        };
        ExitCodesHelpAction.Install(root);
        return root;
    }
}
