using System.Text.Json;

namespace Academy.Sandbox.Export;

/// <summary>A seed file's item list as byte ranges of its UTF-8 text, so export can replace exactly the bytes of what changed.</summary>
/// <param name="Open">The index of the list's '['.</param>
/// <param name="Close">The index of the list's ']'.</param>
public sealed record SeedFileSpans(int Open, int Close, IReadOnlyList<ItemSpan> Items)
{
    // The same depth the catalog's reader allows (DynamoDB JSON spends two levels per nesting).
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 128 };

    /// <summary>The spans of a file the catalog reads: a list of items, or DynamoDB JSON's {"Items": [...]} as `aws dynamodb scan` prints it.</summary>
    public static SeedFileSpans Read(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8, Options);
        reader.Read();
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "Items" && reader.TokenType == JsonTokenType.StartArray)
                {
                    break;
                }

                reader.Skip();
            }
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("not a list of items");
        }

        var open = (int)reader.TokenStartIndex;
        var items = new List<ItemSpan>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = (int)reader.TokenStartIndex;
            var members = new List<MemberSpan>();
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var memberStart = (int)reader.TokenStartIndex;
                    var name = reader.GetString()!;
                    reader.Read();
                    var valueStart = (int)reader.TokenStartIndex;
                    reader.Skip();
                    members.Add(new MemberSpan(name, memberStart, valueStart, (int)reader.BytesConsumed));
                }
            }
            else
            {
                reader.Skip();
            }

            items.Add(new ItemSpan(start, (int)reader.BytesConsumed, members));
        }

        return new SeedFileSpans(open, (int)reader.TokenStartIndex, items);
    }
}

/// <summary>One item of the list: [Start, End) in bytes, and its attributes.</summary>
public sealed record ItemSpan(int Start, int End, IReadOnlyList<MemberSpan> Members) : ISpan;

/// <summary>One attribute: [Start, End) from its name's opening quote to the end of its value.</summary>
public sealed record MemberSpan(string Name, int Start, int ValueStart, int End) : ISpan;

/// <summary>A range of bytes in a file.</summary>
public interface ISpan
{
    int Start { get; }

    int End { get; }
}
