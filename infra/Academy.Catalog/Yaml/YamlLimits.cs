using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Academy.Catalog.Yaml;

/// <summary>How far a YAML text may reach once its aliases are expanded.</summary>
/// <param name="MaxDepth">Deepest nesting of maps and lists.</param>
/// <param name="MaxNodes">Most values after expansion, or null for no fixed cap.</param>
/// <param name="RefuseExcessiveAliasing">go-yaml v3's ratio rule, so a file Pulumi refuses is refused here too.</param>
/// <param name="MaxChars">Most characters of scalar text after expansion: an alias of one long string copies all of it.</param>
public sealed record YamlLimit(int MaxDepth, long? MaxNodes, bool RefuseExcessiveAliasing, long MaxChars);

/// <summary>
/// Walks a YAML text's events (the parser keeps no recursion of its own) before any node tree is
/// built, and refuses what would exhaust memory, time or the stack once aliases are expanded: an
/// alias inside the node it names or to no anchor, nesting past the limit, and too many expanded
/// values. One walker for every YAML file the tools read from strangers: stack files and rosters.
/// </summary>
public static class YamlLimits
{
    /// <summary>Pulumi.&lt;stack&gt;.yaml: refused where Pulumi's own reader refuses it, and bounded in depth, values and text.</summary>
    /// <remarks>Pulumi caps neither values nor text, but a 16 MiB file of `[0,0,...]` is 8 million values and 3 GB to hold.</remarks>
    public static YamlLimit StackFile { get; } = new(MaxDepth: 256, MaxNodes: 1_000_000, RefuseExcessiveAliasing: true, MaxChars: 64L * 1024 * 1024);

    /// <summary>A roster: far more than any cohort needs, and a fixed cap on what aliases may expand to.</summary>
    public static YamlLimit Roster { get; } = new(MaxDepth: 64, MaxNodes: 200_000, RefuseExcessiveAliasing: false, MaxChars: 8L * 1024 * 1024);

    // go-yaml v3 (decode.go): at most 99% of nodes may come from aliases up to 400,000 decoded
    // nodes, falling to 10% at 4,000,000; documents with under 100 aliased or 1,000 decoded nodes pass.
    private const long RatioRangeLow = 400_000;
    private const long RatioRangeHigh = 4_000_000;

    /// <summary>
    /// Null when the text is safe to load as a node tree and reads as go-yaml reads it (see
    /// <see cref="YamlConstructs"/>), else the problem and its 1-based line.
    /// Malformed YAML passes: loading reports it with the parser's own position and words.
    /// </summary>
    public static (string Problem, long Line)? Check(string text, YamlLimit limit)
    {
        var parser = new Parser(new StringReader(text));
        var open = new Stack<(string? Anchor, long Size, long Chars)>();
        var sizes = new Dictionary<string, (long Size, long Chars)>(StringComparer.Ordinal);
        long decoded = 0, aliased = 0, chars = 0;
        var constructs = new YamlConstructs();
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                if (constructs.Problem(current) is { } construct)
                {
                    return (construct, current.Start.Line);
                }

                switch (current)
                {
                    case AnchorAlias alias:
                        var name = alias.Value.Value;
                        if (open.Any(o => o.Anchor == name))
                        {
                            return ($"alias *{name} refers to the node that contains it, which would never end", current.Start.Line);
                        }

                        if (!sizes.TryGetValue(name, out var size))
                        {
                            // Said here because the loader reports it at line 1, column 1.
                            return ($"alias *{name} names no anchor &{name} before it", current.Start.Line);
                        }

                        decoded += size.Size;
                        aliased += size.Size;
                        chars += size.Chars;
                        Add(open, size.Size, size.Chars);
                        if (limit.RefuseExcessiveAliasing && Excessive(decoded, aliased))
                        {
                            return ($"aliases expand to {decoded:N0} nodes and more, nearly all of them copies (an alias bomb); Pulumi refuses it too (\"document contains excessive aliasing\")", current.Start.Line);
                        }

                        break;
                    case Scalar scalar:
                        decoded++;
                        chars += scalar.Value.Length;
                        Add(open, 1, scalar.Value.Length);
                        Remember(sizes, scalar.Anchor, (1, scalar.Value.Length));
                        break;
                    case NodeEvent start and (MappingStart or SequenceStart):
                        if (open.Count >= limit.MaxDepth)
                        {
                            return ($"nests deeper than {limit.MaxDepth} levels", current.Start.Line);
                        }

                        decoded++;
                        open.Push((start.Anchor.IsEmpty ? null : start.Anchor.Value, 1, 0));
                        break;
                    case MappingEnd or SequenceEnd:
                        var (anchor, total, held) = open.Pop();
                        Add(open, total, held);
                        if (anchor is not null)
                        {
                            sizes[anchor] = (total, held);
                        }

                        break;
                }

                if (decoded > limit.MaxNodes)
                {
                    return ($"more than {limit.MaxNodes:N0} values once its aliases are expanded", current.Start.Line);
                }

                if (chars > limit.MaxChars)
                {
                    return ($"more than {limit.MaxChars / (1024 * 1024):N0} MiB of text once its aliases are expanded", current.Start.Line);
                }
            }
        }
        catch (YamlException)
        {
            return null;
        }

        return null;
    }

    private static void Add(Stack<(string? Anchor, long Size, long Chars)> open, long size, long chars)
    {
        if (open.TryPop(out var parent))
        {
            open.Push((parent.Anchor, parent.Size + size, parent.Chars + chars));
        }
    }

    private static void Remember(Dictionary<string, (long Size, long Chars)> sizes, AnchorName anchor, (long Size, long Chars) size)
    {
        if (!anchor.IsEmpty)
        {
            sizes[anchor.Value] = size;
        }
    }

    private static bool Excessive(long decoded, long aliased)
    {
        if (aliased <= 100 || decoded <= 1000)
        {
            return false;
        }

        var allowed = decoded <= RatioRangeLow ? 0.99
            : decoded >= RatioRangeHigh ? 0.10
            : 0.99 - (0.89 * (decoded - RatioRangeLow) / (RatioRangeHigh - RatioRangeLow));
        return (double)aliased / decoded > allowed;
    }
}
