using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Academy.Sandbox.Cli;

/// <summary>The standard help, followed by an "Exit codes:" section for commands that document theirs.</summary>
public sealed class ExitCodesHelpAction(HelpAction standard) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        var code = standard.Invoke(parseResult);
        if (parseResult.CommandResult.Command is IDocumentsExitCodes documented)
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Exit codes:");
            foreach (var (exit, meaning) in documented.DocumentedExitCodes)
            {
                output.WriteLine($"  {exit,-4} {meaning}");
            }

            output.WriteLine();
        }

        return code;
    }

    /// <summary>Puts this action on the help option of <paramref name="root"/> (which every subcommand shares).</summary>
    public static void Install(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new ExitCodesHelpAction((HelpAction)help.Action!);
    }
}
