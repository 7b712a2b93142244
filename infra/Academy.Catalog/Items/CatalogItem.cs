using Amazon.DynamoDBv2.Model;

namespace Academy.Catalog.Items;

/// <summary>One validated item of one table, with where it was declared.</summary>
public sealed record CatalogItem
{
    /// <summary>The table's short name: global, jobs.</summary>
    public required string TableKey { get; init; }

    /// <summary>The hash key's value as text (a string key as is, a number key in canonical text, binary as base64).</summary>
    public required string HashKeyValue { get; init; }

    public required string? RangeKeyValue { get; init; }

    public required IReadOnlyDictionary<string, AttributeValue> Attributes { get; init; }

    /// <summary>The file or config key the item came from, for messages.</summary>
    public required string Source { get; init; }

    /// <summary>
    /// True when the item came from a config key set as a Pulumi secret: the program declares its
    /// whole item as a secret and every command that prints items masks it.
    /// </summary>
    public bool Secret { get; init; }

    public int SizeBytes => ItemSize.Of(Attributes);

    /// <summary>The item's identity within its table (structural: hash and range key by value).</summary>
    public ItemKey Key => new(HashKeyValue, RangeKeyValue);

    /// <summary>
    /// A resource name derived from table and key only, so reordering or moving items between files
    /// never renames (and so never replaces) a resource: &lt;table&gt;-&lt;key&gt; (see <see cref="ItemKey.ToString"/>).
    /// </summary>
    public string LogicalName => $"{TableKey}-{Key}";

    /// <summary>Printed wherever items with sets are shown: the provider compares sets in the order DynamoDB returns them.</summary>
    public const string SetsNote =
        "Note: sets (SS, NS, BS) are declared sorted, but DynamoDB returns them in no fixed order, so a TableItem holding a set "
        + "may show a change after a refresh (an open issue of the provider); a list (L) is the safe choice.";

    /// <summary>True when any attribute, at any depth, is a string, number or binary set.</summary>
    public bool HasSet => Attributes.Values.Any(HoldsSet);

    public string ToDynamoJson(bool indented = false) => DynamoJsonWriter.Write(Attributes, indented);

    private static bool HoldsSet(AttributeValue value) =>
        value.IsSSSet || value.IsNSSet || value.IsBSSet
        || (value.IsMSet && value.M.Values.Any(HoldsSet))
        || (value.IsLSet && value.L.Any(HoldsSet));
}
