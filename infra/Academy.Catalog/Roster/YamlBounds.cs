using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Academy.Catalog.Roster;

/// <summary>
/// Checks a YAML text's shape before it is loaded: a roster can come from anyone, and a few lines of
/// aliases ("billion laughs") expand to billions of nodes, deep nesting overflows recursive readers.
/// Counts every node as it would be after aliases are expanded, without expanding anything.
/// </summary>
internal static class YamlBounds
{
    public const int MaxNodes = 200_000;
    public const int MaxDepth = 64;

    /// <summary>Null when the text is within bounds, else why not. A YAML syntax error throws <see cref="YamlException"/>.</summary>
    public static string? Check(string text)
    {
        var parser = new Parser(new StringReader(text));
        var anchorSizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var open = new Stack<(string? Anchor, long StartCount)>();
        long nodes = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case AnchorAlias alias:
                    if (!anchorSizes.TryGetValue(alias.Value.Value, out var size))
                    {
                        return $"line {alias.Start.Line}: alias *{alias.Value} refers to no complete anchor before it";
                    }

                    nodes += size;
                    break;
                case Scalar scalar:
                    nodes++;
                    if (!scalar.Anchor.IsEmpty)
                    {
                        anchorSizes[scalar.Anchor.Value] = 1;
                    }

                    break;
                case NodeEvent start and (MappingStart or SequenceStart):
                    nodes++;
                    open.Push((start.Anchor.IsEmpty ? null : start.Anchor.Value, nodes));
                    if (open.Count > MaxDepth)
                    {
                        return $"line {start.Start.Line}: nested more than {MaxDepth} levels deep";
                    }

                    break;
                case MappingEnd or SequenceEnd:
                    var (anchor, startCount) = open.Pop();
                    if (anchor is not null)
                    {
                        anchorSizes[anchor] = nodes - startCount + 1;
                    }

                    break;
            }

            if (nodes > MaxNodes)
            {
                return $"line {parser.Current!.Start.Line}: more than {MaxNodes:N0} values once its aliases are expanded";
            }
        }

        return null;
    }
}
