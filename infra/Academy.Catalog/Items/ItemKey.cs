using Academy.Catalog.Tables;
using Amazon.DynamoDBv2.Model;

namespace Academy.Catalog.Items;

/// <summary>
/// An item's identity in its table: its hash and range key values as DynamoDB compares them (numbers
/// in canonical text, so 1 and 1.0 are one key; binary as standard base64 of its bytes). Equality is
/// structural, so the items (a/b, c) and (a, b/c) are two items.
/// </summary>
public readonly record struct ItemKey(string Hash, string? Range) : IComparable<ItemKey>
{
    /// <summary>The key as it reads in messages and logical names, unambiguous for every key.</summary>
    /// <remarks>
    /// A hash key alone reads as itself, exactly as resource names have always been built (renaming
    /// would replace every item of existing stacks). With a range key each part has '%' and '/'
    /// percent-encoded and the two are joined by '/': (a/b, c) is "a%2Fb/c", (a, b/c) is "a/b%2Fc".
    /// </remarks>
    public override string ToString() => Range is null ? Hash : $"{Escape(Hash)}/{Escape(Range)}";

    public int CompareTo(ItemKey other)
    {
        var hash = string.CompareOrdinal(Hash, other.Hash);
        return hash != 0 ? hash : string.CompareOrdinal(Range, other.Range);
    }

    /// <summary>The key of an item read from a table or a file; a missing or mistyped key part is "".</summary>
    public static ItemKey Of(KeyAttribute hash, KeyAttribute? range, IReadOnlyDictionary<string, AttributeValue> item) =>
        new(Part(hash, item), range is null ? null : Part(range, item));

    /// <summary>A key attribute's value as the key compares it; null when the value is not of the key's type.</summary>
    public static string? Text(string type, AttributeValue value) => type switch
    {
        "S" => value.S,
        "N" => value.N is null ? null : NumberText.Canonical(value.N),
        _ => value.B is null ? null : Convert.ToBase64String(value.B.ToArray()),
    };

    private static string Part(KeyAttribute key, IReadOnlyDictionary<string, AttributeValue> item) =>
        item.TryGetValue(key.Name, out var value) ? Text(key.Type, value) ?? "" : "";

    private static string Escape(string part) =>
        part.Replace("%", "%25", StringComparison.Ordinal).Replace("/", "%2F", StringComparison.Ordinal);
}
