using System.CommandLine.Parsing;

namespace Academy.Sandbox.Cli;

/// <summary>What every option naming a file or folder checks while the command line is parsed.</summary>
public static class PathOption
{
    /// <summary>Refuses an empty (or blank) path: no file has that name, and .NET's path APIs throw on it.</summary>
    public static void NotEmpty(OptionResult result, string what)
    {
        if (result.Tokens.Count == 1 && string.IsNullOrWhiteSpace(result.Tokens[0].Value))
        {
            result.AddError($"{result.Option.Name} needs {what}; an empty name names none");
        }
    }
}
