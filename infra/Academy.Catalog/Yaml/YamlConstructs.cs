using YamlDotNet.Core.Events;

namespace Academy.Catalog.Yaml;

/// <summary>
/// The YAML constructs go-yaml v3 (how Pulumi reads a stack file) gives a meaning this reader does not:
/// a merge key (<c>&lt;&lt;</c>) copies another mapping's keys there but is a key named "&lt;&lt;" here, and a
/// tag such as <c>!!binary</c> decodes or retypes the value there but is ignored here. Rather than a
/// silent difference, each is refused, naming its line. <c>!!str</c>, <c>!!map</c> and <c>!!seq</c> mean
/// the same to both and pass. Fed the parser's events in order, one instance per document stream.
/// </summary>
public sealed class YamlConstructs
{
    private const string Str = "tag:yaml.org,2002:str";
    private const string Map = "tag:yaml.org,2002:map";
    private const string Seq = "tag:yaml.org,2002:seq";
    private const string Merge = "tag:yaml.org,2002:merge";

    // For each open collection: is it a mapping, and how many nodes it holds so far (even: the next is a key).
    private readonly Stack<(bool Mapping, long Nodes)> _open = new();

    /// <summary>Null when <paramref name="current"/> reads the same here as in go-yaml, else why not.</summary>
    public string? Problem(ParsingEvent current)
    {
        var isKey = _open.TryPeek(out var parent) && parent.Mapping && parent.Nodes % 2 == 0;
        switch (current)
        {
            case MappingEnd or SequenceEnd:
                _open.Pop();
                return null;
            case not (NodeEvent or AnchorAlias):
                return null;
        }

        if (_open.TryPop(out var top))
        {
            _open.Push((top.Mapping, top.Nodes + 1));
        }

        if (current is AnchorAlias)
        {
            return null;
        }

        var node = (NodeEvent)current;
        var tag = node.Tag.IsEmpty ? null : node.Tag.Value;
        if (node is MappingStart or SequenceStart)
        {
            _open.Push((node is MappingStart, 0));
        }

        if (isKey && (tag == Merge || node is Scalar { Value: "<<", Style: YamlDotNet.Core.ScalarStyle.Plain } && tag is null))
        {
            return "a merge key (<<): YAML readers disagree on it (go-yaml, which Pulumi uses, copies the keys of the mapping it names into this one; this reader would not); write the keys out in full";
        }

        return tag switch
        {
            null => null,
            Str when node is Scalar => null,
            Map when node is MappingStart => null,
            Seq when node is SequenceStart => null,
            _ => $"the tag {Errors.Excerpt.Of(Short(tag), 80, 60)}: YAML readers disagree on tagged values (go-yaml, which Pulumi uses, decodes !!binary to bytes and retypes others; this reader would not); remove the tag and write the value itself (quote it for text)",
        };
    }

    private static string Short(string tag) =>
        tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) ? "!!" + tag["tag:yaml.org,2002:".Length..] : tag;
}
