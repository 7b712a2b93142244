using System.CommandLine;
using System.Text.RegularExpressions;
using Academy.Catalog.Errors;

namespace Academy.Sandbox.Cli;

/// <summary>
/// Every command suggested in a message, built here and only here from the scope of the command that
/// prints it: the options that chose the project, stack, learner or roster (and one learner of it),
/// and the engine (--endpoint or --aws), as the user typed them, so a hint pasted into a shell acts on
/// exactly the learners and tables the user was working on.
/// </summary>
public sealed partial class Hints(IReadOnlyList<string> scope, IReadOnlyList<string> target, IReadOnlyList<string>? learner = null)
{
    // The engine the command actually used, spelled out: `plan` without one is the offline plan, so a
    // hint to plan against the live tables names it even when the user left it to the default.
    private IReadOnlyList<string>? _engine;

    public const string Tool = "academy-sandbox";

    private const string LearnerOption = "--learner";

    public static Hints None { get; } = new([], [], []);

    /// <summary>
    /// The options the user gave explicitly, in declaration order: scope ones (--roster, --stack, --user,
    /// --project), then engine ones, then the one learner of a roster (--learner).
    /// </summary>
    public static Hints From(ParseResult result, IEnumerable<Option> scopeOptions, IEnumerable<Option> targetOptions)
    {
        var scope = scopeOptions.ToList();
        return new(Given(result, scope.Where(o => o.Name != LearnerOption)), Given(result, targetOptions), Given(result, scope.Where(o => o.Name == LearnerOption)));
    }

    /// <summary>
    /// The hints for one learner of a roster: the same roster (or course stack) with --learner NAME, so
    /// a command suggested about that learner's tables acts on theirs, not every learner's.
    /// </summary>
    public Hints ForLearner(string name) => new(scope, target, OptionWords(LearnerOption, name)) { _engine = _engine };

    /// <summary>The same hints, knowing the engine the command used (see <see cref="LivePlan"/>).</summary>
    public Hints WithEngine(Engine.EngineTarget? engine)
    {
        if (engine is null || target.Count > 0)
        {
            return this;
        }

        string[] words = engine.IsAws ? ["--aws"] : ["--endpoint", Quote(engine.Endpoint!)];
        // An engine port set by ACADEMY_SANDBOX_PORT is spelled out in every hint, or one pasted into a
        // shell without the variable would act on the engine at 8000.
        return new(scope, engine.PortFromVariable ? words : target, learner) { _engine = words };
    }

    /// <summary>`plan` against the engine this command used (never the offline plan), e.g. `academy-sandbox plan --user bob --endpoint http://127.0.0.1:8000 --prune`.</summary>
    public string LivePlan(params string[] extra) => Line("plan", [.. scope, .. _engine ?? target, .. learner ?? [], .. extra]);

    /// <summary>The same hints with --stack <paramref name="stack"/> among the catalog options, unless the user gave one.</summary>
    public Hints WithStack(string stack) =>
        scope.Any(w => Names(w, "--stack"))
            ? this
            : new([.. OptionWords("--stack", stack), .. scope], target, learner) { _engine = _engine };

    /// <summary>The same hints without the given catalog options (and their values), e.g. to name another stack.</summary>
    public Hints Without(params string[] options) =>
        new(Drop(scope, options), target, learner) { _engine = _engine };

    private static List<string> Drop(IReadOnlyList<string> words, string[] options)
    {
        var kept = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            if (options.Contains(words[i]))
            {
                i++; // and its value
            }
            else if (!options.Any(o => Names(words[i], o)))
            {
                kept.Add(words[i]);
            }
        }

        return kept;
    }

    // A hint word that gives the option: alone (its value follows), or joined to its value by OptionWords (quoted or not).
    private static bool Names(string word, string option) =>
        word == option || word.StartsWith(option + "=", StringComparison.Ordinal) || word.StartsWith("'" + option + "=", StringComparison.Ordinal);

    /// <summary>A command that talks to the engine, in backquotes, e.g. `academy-sandbox up --user zed --prune`.</summary>
    public string Command(string verb, params string[] extra) => Line(verb, [.. scope, .. target, .. learner ?? [], .. extra]);

    /// <summary>
    /// What deletes live items the catalog does not declare (<paramref name="them"/>: "it", "them",
    /// "extras"): `up --prune`. While academy:items is encrypted the sandbox cannot tell its items from
    /// strays, so up refuses --prune and every message says so instead of suggesting it.
    /// </summary>
    public string DeletesExtras(bool itemsEncrypted, string them) => itemsEncrypted ? EncryptedItemsKeep(them) : $"{Command("up", "--prune")} deletes {them}";

    /// <summary>Why live items the catalog does not declare stay while academy:items is encrypted.</summary>
    public static string EncryptedItemsKeep(string them) =>
        $"academy:items is encrypted and may declare {them}, so `up --prune` is refused; `pulumi up` manages {them}";

    /// <summary>A whole command line as the user would type it, each word quoted for a POSIX shell where needed.</summary>
    public static string Typed(IEnumerable<string> args) => $"`{string.Join(' ', new[] { Tool }.Concat(args.Select(Quote)))}`";

    private static string Line(string verb, IEnumerable<string> words) => $"`{string.Join(' ', new[] { Tool, verb }.Concat(words))}`";

    private static List<string> Given(ParseResult result, IEnumerable<Option> options)
    {
        var words = new List<string>();
        foreach (var option in options)
        {
            if (result.GetResult(option) is { Implicit: false } given)
            {
                if (given.Tokens.Count == 0)
                {
                    words.Add(option.Name); // a flag
                }

                foreach (var token in given.Tokens)
                {
                    words.AddRange(OptionWords(option.Name, token.Value));
                }
            }
        }

        return words;
    }

    /// <summary>
    /// An option and its value as hint words, quoted: `--item key`, or `--item=--help` for a value that
    /// starts with '-', which a parser (this one, the AWS CLI's, the Pulumi CLI's) would otherwise take
    /// for an option of its own: `--item --help` prints the help and exports nothing.
    /// </summary>
    public static string[] OptionWords(string option, string value) =>
        value.StartsWith('-') ? [Quote($"{option}={value}")] : [option, Quote(value)];

    /// <summary>
    /// False for a word no command line can carry: argv strings end at a NUL character, so any quoting
    /// of one pastes as a shorter word, which may name another item.
    /// </summary>
    public static bool CanQuote(string value) => !value.Contains('\0', StringComparison.Ordinal);

    // Plain words as they are, anything else in single quotes as POSIX shells read them. A word with a
    // control or bidi character (a folder name, say) goes in bash's and zsh's $'...' with that
    // character as the \xHH escapes of its UTF-8 bytes, which the shell turns back into it in any
    // locale (a \uHHHH stays literal text under LANG=C), so the hint neither steers the terminal nor
    // breaks across lines, and still names that exact file when pasted.
    public static string Quote(string value) =>
        PlainWord().IsMatch(value) ? value
        : Excerpt.FirstToEscape(value, keepLineFeeds: false) < 0 ? "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'"
        : "$'" + AnsiC(value) + "'";

    private static string AnsiC(string value)
    {
        var text = new System.Text.StringBuilder(value.Length + 16);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var c in value)
        {
            if (c is '\\' or '\'')
            {
                text.Append('\\').Append(c);
            }
            else if (Excerpt.FirstToEscape(new ReadOnlySpan<char>(in c), keepLineFeeds: false) == 0)
            {
                foreach (var b in bytes[..System.Text.Encoding.UTF8.GetBytes(new ReadOnlySpan<char>(in c), bytes)])
                {
                    text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\x{b:X2}");
                }
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    [GeneratedRegex("^[A-Za-z0-9_@%+=:,./-]+\\z")]
    private static partial Regex PlainWord();
}
