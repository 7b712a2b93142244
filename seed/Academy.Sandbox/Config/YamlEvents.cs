using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Academy.Sandbox.Config;

/// <summary>A YAML text as parser events with their positions, for editing a stack file in place: pairs, node extents, line bounds.</summary>
public static class YamlEvents
{
    public static List<ParsingEvent> Events(string text)
    {
        var parser = new Parser(new StringReader(text));
        var events = new List<ParsingEvent>();
        while (parser.MoveNext())
        {
            events.Add(parser.Current!);
        }

        return events;
    }

    public sealed record Pair(string Key, int KeyIndex, int ValueStart, int ValueEnd);

    // The key/value pairs of the mapping starting at events[start]; ValueEnd is the value's last event.
    public static List<Pair> Pairs(List<ParsingEvent> events, int start)
    {
        var pairs = new List<Pair>();
        var i = start + 1;
        while (events[i] is not MappingEnd)
        {
            var keyEvent = events[i];
            var key = keyEvent is Scalar s ? s.Value : "";
            var valueStart = Skip(events, i) + 1;
            var valueEnd = Skip(events, valueStart);
            pairs.Add(new Pair(key, (int)keyEvent.Start.Index, valueStart, valueEnd));
            i = valueEnd + 1;
        }

        return pairs;
    }

    // The index of the last event of the node starting at events[i].
    public static int Skip(List<ParsingEvent> events, int i)
    {
        var depth = 0;
        do
        {
            depth += events[i].NestingIncrease;
            i++;
        }
        while (depth > 0);

        return i - 1;
    }

    // Where a node's text ends: its last scalar or flow bracket (a block collection's end event points at the next line).
    public static int ContentEnd(List<ParsingEvent> events, int first, int last)
    {
        var end = (int)events[first].End.Index;
        var flow = 0;
        for (var i = first; i <= last; i++)
        {
            switch (events[i])
            {
                case MappingStart { Style: MappingStyle.Flow } or SequenceStart { Style: SequenceStyle.Flow }:
                    flow++;
                    end = Math.Max(end, (int)events[i].End.Index);
                    break;
                case MappingEnd or SequenceEnd when flow > 0:
                    flow--;
                    end = Math.Max(end, (int)events[i].End.Index);
                    break;
                case Scalar or AnchorAlias:
                    end = Math.Max(end, (int)events[i].End.Index);
                    break;
            }
        }

        return end;
    }

    public static int LineStart(string text, int index) => index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;

    // The end of the line holding index - 1 (before its line break), so a value ending a line keeps that break.
    public static int LineEnd(string text, int index)
    {
        var end = text.IndexOf('\n', Math.Max(0, index - 1));
        end = end < 0 ? text.Length : end;
        return end > 0 && text[end - 1] == '\r' ? end - 1 : end;
    }
}
