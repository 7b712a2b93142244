using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Academy.Sandbox.Cli;

/// <summary>--help as System.CommandLine prints it, followed by the exit codes scripts can rely on.</summary>
public sealed class ExitCodesHelp(HelpAction help) : SynchronousCommandLineAction
{
    /// <summary>Makes the root's (recursive) help option print the exit codes too, on every command.</summary>
    public static void AddTo(RootCommand root)
    {
        var option = root.Options.OfType<HelpOption>().Single();
        if (option.Action is HelpAction help)
        {
            option.Action = new ExitCodesHelp(help);
        }
    }

    public override int Invoke(ParseResult parseResult)
    {
        var code = help.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        output.WriteLine("Exit codes:");
        foreach (var (exit, meaning) in ExitCodes.Documented.GroupBy(c => c.Code).Select(g => (g.Key, string.Join("; ", g.Select(c => c.Meaning)))))
        {
            output.WriteLine($"  {exit,-5}{meaning}");
        }

        output.WriteLine();
        return code;
    }
}
