using System.CommandLine;
using System.CommandLine.Invocation;

namespace Academy.Sandbox.Cli;

/// <summary>
/// A command line that does not parse, as one line on stderr (stdout stays empty for scripts): a word
/// the command does not know names the command, the closest names System.CommandLine's typo correction
/// finds (as the whole corrected command line when there is one), and the --help that lists the rest.
/// </summary>
public static class UsageErrors
{
    /// <summary>
    /// True when an option's value cannot be read: one that takes one value given more than once, or
    /// one that needs a value given without it (`--endpoint` as the last word). System.CommandLine
    /// reports either in one line, and a command validator's GetValue on it would throw, so validators skip.
    /// </summary>
    public static bool UnreadableOption(System.CommandLine.Parsing.CommandResult result) =>
        result.Children.OfType<System.CommandLine.Parsing.OptionResult>().Any(o =>
            (o.Option.Arity.MaximumNumberOfValues == 1 && o.Tokens.Count > 1)
            || (o.Option.Arity.MinimumNumberOfValues > 0 && o.Tokens.Count == 0 && !o.Implicit));

    // Options that took another of the command's options as their value (`--endpoint --user`): the
    // option's own message where it has one (--endpoint's), else that its value is missing.
    // Only a value given as the next word counts: `--item=--help` (as hints write a key that looks
    // like an option) is that value on purpose.
    internal static List<string> SwallowedOptions(ParseResult parsed, IReadOnlyList<string> args)
    {
        var names = parsed.CommandResult.Command.Options.Concat(parsed.RootCommandResult.Command.Options)
            .SelectMany(o => o.Aliases.Append(o.Name)).ToHashSet(StringComparer.Ordinal);
        bool NextWord(System.CommandLine.Option option, string value) =>
            Enumerable.Range(0, Math.Max(0, args.Count - 1)).Any(i => args[i + 1] == value && (args[i] == option.Name || option.Aliases.Contains(args[i])));
        var swallowing = parsed.CommandResult.Children.OfType<System.CommandLine.Parsing.OptionResult>()
            .Select(o => (Result: o, Taken: o.Tokens.FirstOrDefault(t => names.Contains(t.Value) && NextWord(o.Option, t.Value))?.Value))
            .Where(o => o.Taken is not null)
            .ToList();
        var results = swallowing.Select(o => o.Result).ToHashSet();
        var own = parsed.Errors
            .Where(e => e.SymbolResult is System.CommandLine.Parsing.OptionResult r && results.Contains(r)
                || e.SymbolResult is System.CommandLine.Parsing.ArgumentResult { Parent: System.CommandLine.Parsing.OptionResult p } && results.Contains(p))
            .Select(e => e.Message)
            .Distinct()
            .ToList();
        return own.Count > 0 ? own : swallowing.Select(o => $"{o.Result.Option.Name} needs a value after it; '{o.Taken}' is an option, not its value").ToList();
    }

    /// <summary>What stderr says about a command line that does not parse; a --json document's error says the same.</summary>
    public static IReadOnlyList<string> Lines(ParseResult parsed, IReadOnlyList<string> args)
    {
        // `show --endpoint --user bob`: --endpoint took `--user` as its value and `bob` is left over;
        // `up --user --prune` parses, with a learner named --prune. The option's own message says what
        // went wrong; the word left over would not.
        if (SwallowedOptions(parsed, args) is { Count: > 0 } swallowed)
        {
            return swallowed;
        }

        if (parsed.UnmatchedTokens.Count == 0)
        {
            // A bad value or a missing one: the option's own message already names it.
            return parsed.Errors.Select(e => e.Message).Distinct().ToList();
        }

        // The first word not understood explains the rest (`--usr bob` leaves `bob` over too).
        var token = parsed.UnmatchedTokens[0];
        var command = parsed.CommandResult.Command;
        string[] path = command is RootCommand ? [] : [command.Name];
        var help = Hints.Typed([.. path, "--help"]);
        // A whole corrected line only where the command would take it: it names no option given
        // already (`--yes` is not `--aws` twice), parses, and is not refused once run (RefusedWhenRun).
        // A mistyped command is still named alone when its line is not (`upp --yes`, `shwo --learner x`),
        // and never corrected to an option such as -h; a corrected option the command would refuse is no help.
        var root = parsed.RootCommandResult.Command;
        var option = token.StartsWith('-');
        // `--usr=bob` is corrected as `--usr` is, keeping its `=bob`: the typo corrections compare whole words.
        var (word, value) = option && token.IndexOf('=') is > 0 and var equals ? (token[..equals], token[equals..]) : (token, "");
        var named = (value.Length == 0 ? Suggestions(parsed, token) : Suggestions(root.Parse(Replace(args, token, word).ToArray(), SandboxCli.Parsing), word))
            .Where(s => option || !s.StartsWith('-'))
            .Where(s => !args.Any(a => Given(a, s)))
            .Select(s => s + value)
            .ToList();
        var runnable = named
            .Where(s => root.Parse(Replace(args, token, s).ToArray(), SandboxCli.Parsing).Errors.Count == 0 && !RefusedWhenRun(Replace(args, token, s).ToList()))
            .ToList();
        var shown = option ? runnable : named;
        var fix = (runnable.Count, shown.Count) switch
        {
            (_, 0) => "; ",
            (1, 1) => $"; did you mean {Hints.Typed(WithVariableEndpoint(root, Replace(args, token, runnable[0]).ToList()))}? ",
            (_, _) => $"; did you mean {string.Join(" or ", shown)}? ",
        };
        return
        [
            (command is RootCommand, option) switch
            {
                (true, false) => $"'{token}' is not a command of {Hints.Tool}{fix}{help} lists the commands",
                (true, true) => $"{Hints.Tool} needs a command before '{token}'; {help} lists the commands",
                (false, true) => $"'{token}' is not an option of {command.Name}{fix}{help} lists its options",
                (false, false) => $"{command.Name} takes no argument '{token}'; its options start with -- ({help} lists them)",
            },
        ];
    }

    // System.CommandLine's typo correction prints its suggestions; only lines that are names of the
    // command's options or subcommands are taken from that text, so its wording does not matter.
    private static List<string> Suggestions(ParseResult parsed, string token)
    {
        var names = parsed.CommandResult.Command.Children
            .SelectMany(s => s switch
            {
                Option o => o.Aliases.Append(o.Name),
                Command c => c.Aliases.Append(c.Name),
                _ => [],
            })
            .ToHashSet(StringComparer.Ordinal);
        if (parsed.Action is not ParseErrorAction action)
        {
            return [];
        }

        action.ShowHelp = false;
        action.ShowTypoCorrections = true;
        var text = new StringWriter();
        parsed.Invoke(new InvocationConfiguration { Output = text, Error = TextWriter.Null });
        return text.ToString().Split('\n').Select(l => l.Trim())
            .SkipWhile(l => !l.Contains($"'{token}'", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(names.Contains)
            .ToList();
    }

    private static bool Given(string arg, string option) => arg == option || arg.StartsWith(option + "=", StringComparison.Ordinal);

    // What a command refuses only once it runs, in a line that parses: --learner picks one learner of
    // a roster, report covers a course, --item is an item of --table; a word starting with @ (a
    // response file elsewhere) is a mistake here, and so is an empty value (`--usr ''`, and `--usr=`,
    // which SandboxCli.EmptyValuesKept has split into the same two words), which no option takes.
    // (A --stack without a roster is not caught: that needs the stack's file.)
    private static bool RefusedWhenRun(IReadOnlyList<string> args)
    {
        bool Has(string option) => args.Any(a => Given(a, option));
        var course = Has("--roster") || Has("--stack");
        return args.Any(a => a.StartsWith('@') || a.Length == 0)
            || (Has("--learner") && !course)
            || (args.Count > 0 && args[0] == "report" && !course)
            || (Has("--item") && !Has("--table"));
    }

    // A local engine port set by ACADEMY_SANDBOX_PORT is spelled out, as every other hint does
    // (Hints.WithEngine): a variable set for one command is not in the shell the line is pasted into.
    // Not for plan, which reads no table without --endpoint.
    private static IReadOnlyList<string> WithVariableEndpoint(Command root, IReadOnlyList<string> args)
    {
        var engine = Engine.EngineTarget.Local(null);
        if (!engine.PortFromVariable || args.Count == 0 || args[0] == "plan" || args.Any(a => Given(a, "--endpoint") || Given(a, "--aws")))
        {
            return args;
        }

        string[] longer = [.. args, "--endpoint", engine.Endpoint!];
        return root.Parse(longer, SandboxCli.Parsing).Errors.Count == 0 ? longer : args;
    }

    private static IEnumerable<string> Replace(IReadOnlyList<string> args, string token, string suggestion)
    {
        var at = args.ToList().IndexOf(token);
        return args.Select((a, i) => i == at ? suggestion : a);
    }
}
