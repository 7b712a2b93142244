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
        var command = parseResult.CommandResult.Command;
        if (command is IDocumentsExitCodes documented)
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Exit codes:");
            // A code with several meanings (up's refusals and the engine's) is one line naming each.
            var codes = documented.DocumentedExitCodes
                .Concat((command.Action as SandboxAction)?.CommonExitCodes ?? [])
                .Append(ExitCodes.UsageHelp)
                .Distinct()
                .GroupBy(c => c.Code)
                .OrderBy(g => g.Key);
            foreach (var group in codes)
            {
                output.WriteLine($"  {group.Key,-4} {string.Join("; ", group.Select(c => c.Meaning))}");
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
