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

    public string ToDynamoJson(bool indented = false) => DynamoJsonWriter.Write(Attributes, indented);
}
