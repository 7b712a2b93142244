using System.CommandLine;
using System.Text.RegularExpressions;

namespace Academy.Sandbox.Cli;

/// <summary>
/// Commands suggested in messages, carrying the options that chose the project, learner and engine
/// (as the user typed them) so a hint can be pasted and run as it is.
/// </summary>
public sealed partial class Hints(IReadOnlyList<string> carried)
{
    public const string Tool = "academy-sandbox";

    public static Hints None { get; } = new([]);

    /// <summary>The options among <paramref name="options"/> that the user gave explicitly, in that order.</summary>
    public static Hints From(ParseResult result, IEnumerable<Option> options)
    {
        var carried = new List<string>();
        foreach (var option in options)
        {
            if (result.GetResult(option) is not { Implicit: false } given)
            {
                continue;
            }

            carried.Add(option.Name);
            carried.AddRange(given.Tokens.Select(t => Quote(t.Value)));
        }

        return new Hints(carried);
    }

    /// <summary>A command line in backquotes, e.g. `academy-sandbox up --user zed --prune`.</summary>
    public string Command(string verb, params string[] extra) =>
        $"`{string.Join(' ', new[] { Tool, verb }.Concat(carried).Concat(extra))}`";

    // Plain words as they are, anything else in single quotes as POSIX shells read them.
    private static string Quote(string value) =>
        PlainWord().IsMatch(value) ? value : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex("^[A-Za-z0-9_@%+=:,./-]+$")]
    private static partial Regex PlainWord();
}
