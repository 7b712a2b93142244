using System.CommandLine;
using System.Text.RegularExpressions;

namespace Academy.Sandbox.Cli;

/// <summary>
/// Commands suggested in messages, carrying the options that chose the project, learner and engine
/// (as the user typed them) so a hint can be pasted and run as it is.
/// </summary>
public sealed partial class Hints(IReadOnlyList<string> catalog, IReadOnlyList<string> target)
{
    public const string Tool = "academy-sandbox";

    public static Hints None { get; } = new([], []);

    /// <summary>The options the user gave explicitly, in declaration order: catalog ones (--stack, --user, --project), then engine ones.</summary>
    public static Hints From(ParseResult result, IEnumerable<Option> catalogOptions, IEnumerable<Option> targetOptions) =>
        new(Given(result, catalogOptions), Given(result, targetOptions));

    /// <summary>The same hints with --stack <paramref name="stack"/> among the catalog options, unless the user gave one.</summary>
    public Hints WithStack(string stack) =>
        catalog.Contains("--stack") ? this : new(["--stack", Quote(stack), .. catalog], target);

    /// <summary>A command that talks to the engine, in backquotes, e.g. `academy-sandbox up --user zed --prune`.</summary>
    public string Command(string verb, params string[] extra) => Line(verb, [.. catalog, .. target, .. extra]);

    /// <summary>A command that reads only the catalog (plan), so without --endpoint/--aws.</summary>
    public string CatalogCommand(string verb, params string[] extra) => Line(verb, [.. catalog, .. extra]);

    private static string Line(string verb, IEnumerable<string> words) => $"`{string.Join(' ', new[] { Tool, verb }.Concat(words))}`";

    private static List<string> Given(ParseResult result, IEnumerable<Option> options)
    {
        var words = new List<string>();
        foreach (var option in options)
        {
            if (result.GetResult(option) is { Implicit: false } given)
            {
                words.Add(option.Name);
                words.AddRange(given.Tokens.Select(t => Quote(t.Value)));
            }
        }

        return words;
    }

    // Plain words as they are, anything else in single quotes as POSIX shells read them.
    public static string Quote(string value) =>
        PlainWord().IsMatch(value) ? value : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex("^[A-Za-z0-9_@%+=:,./-]+$")]
    private static partial Regex PlainWord();
}
