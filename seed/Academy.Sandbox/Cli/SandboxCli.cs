using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Academy.Catalog.Errors;
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
    private const int LongestParseError = 400;

    /// <summary>
    /// How every command line is parsed: words are taken as they are, with no @file response files.
    /// The tool never offered them, and System.CommandLine's reading of one crashed on a folder,
    /// /dev/zero or a file that names itself, and blocked on a FIFO.
    /// </summary>
    public static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    /// <summary>Runs one command line, writing to the given writers; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        args = EmptyValuesKept(args);
        var parsed = Build().Parse(args, Parsing);
        var terminal = new InvocationConfiguration { Output = new TerminalWriter(output), Error = new TerminalWriter(error, TerminalWriter.ErrorStream), EnableDefaultExceptionHandler = false };
        try
        {
            return parsed.Action is ParseErrorAction || UsageErrors.SwallowedOptions(parsed, args).Count > 0
                ? UsageError(parsed, args, terminal)
                : await parsed.InvokeAsync(terminal, ct);
        }
        catch (OutputUnwritableException e)
        {
            // stdout on a full disk (/dev/full) or closed (`>&-`): one line, not System.CommandLine's stack trace.
            try
            {
                terminal.Error.WriteLine(e.Message);
            }
            catch (OutputUnwritableException)
            {
                // stderr is gone as well: the exit code is all that is left to say it
            }

            return ExitCodes.Failed;
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            // A bug: shown as System.CommandLine's own handler shows it.
            error.WriteLine($"Unhandled exception: {e}");
            return 1;
        }
    }

    private static int UsageError(ParseResult parsed, string[] args, InvocationConfiguration terminal)
    {
        if (parsed.Errors.Any(e => e.Message.Length > LongestParseError))
        {
            return HugeInputError(parsed, terminal);
        }

        // One line that says what to type instead, on stderr, so stdout holds nothing or, with --json,
        // the one document saying the same. A line feed in a word quoted back does not split the line.
        var lines = UsageErrors.Lines(parsed, args).Select(line => Excerpt.Escape(line)).ToList();
        foreach (var line in lines)
        {
            terminal.Error.WriteLine(line);
        }

        if (JsonOutput.Requested(parsed))
        {
            JsonOutput.WriteFailure(terminal.Output, string.Join("; ", lines), ExitCodes.Usage);
        }

        return ExitCodes.Usage;
    }

    // `--roster=` is an empty value, as `--roster ''` is, and gets the option's own message. System.CommandLine
    // drops the empty part, so it asked for the value again or took the next option (`--json`) for it.
    private static string[] EmptyValuesKept(string[] args) =>
        [.. args.SelectMany(a => a.StartsWith("--", StringComparison.Ordinal) && a.IndexOf('=', StringComparison.Ordinal) == a.Length - 1 ? new[] { a[..^1], "" } : [a])];

    // System.CommandLine quotes a wrong token whole; a megabyte of it would bury the message.
    private static int HugeInputError(ParseResult parsed, InvocationConfiguration terminal)
    {
        var messages = parsed.Errors.Select(e => Excerpt.Escape(Excerpt.Of(e.Message, LongestParseError, LongestParseError - 100))).ToList();
        foreach (var message in messages)
        {
            terminal.Error.WriteLine(message);
        }

        if (JsonOutput.Requested(parsed))
        {
            JsonOutput.WriteFailure(terminal.Output, "error: " + string.Join("; ", messages), ExitCodes.Usage);
        }

        return ExitCodes.Usage;
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
        // A bare `academy-sandbox` is a command line without its command: the usage, and the usage code.
        var help = (SynchronousCommandLineAction)root.Options.OfType<HelpOption>().Single().Action!;
        root.SetAction(result =>
        {
            help.Invoke(result);
            return ExitCodes.Usage;
        });
        return root;
    }
}
