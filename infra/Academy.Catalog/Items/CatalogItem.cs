using System.Text.Json;
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

    // An item holds its attributes one of two ways: as AWSSDK attribute values (as read, what the
    // sandbox's commands work on) or, after WithJsonOnly, as its DynamoDB JSON alone.
    private readonly IReadOnlyDictionary<string, AttributeValue>? _attributes;
    private readonly string? _json;

    /// <summary>The attributes; an item reduced by <see cref="WithJsonOnly"/> reads them back from its JSON on each call.</summary>
    public required IReadOnlyDictionary<string, AttributeValue> Attributes
    {
        get => _attributes ?? ReadBack(_json!);
        init
        {
            _attributes = value;
            _json = null;
            SizeBytes = ItemSize.Of(value);
        }
    }

    /// <summary>The file or config key the item came from, for messages.</summary>
    public required string Source { get; init; }

    /// <summary>
    /// True when the item came from a config key set as a Pulumi secret: the program declares its
    /// whole item as a secret and every command that prints items masks it.
    /// </summary>
    public bool Secret { get; init; }

    /// <summary>The item's size by DynamoDB's rules, worked out once when its attributes are set.</summary>
    public int SizeBytes { get; private init; }

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

    public string ToDynamoJson(bool indented = false) =>
        !indented && _json is not null ? _json : DynamoJsonWriter.Write(Attributes, indented);

    /// <summary>
    /// This item holding only its DynamoDB JSON, as the Pulumi program declares it. A learner's
    /// thousand items as attribute values are some ten thousand objects that every collection
    /// during `pulumi up` would otherwise walk and move; as JSON they are a thousand strings.
    /// </summary>
    public CatalogItem WithJsonOnly() => _attributes is null ? this : this with { Json = DynamoJsonWriter.Write(_attributes) };

    // Set only by WithJsonOnly (the copy keeps the size worked out from the attributes).
    private string Json
    {
        init
        {
            _json = value;
            _attributes = null;
        }
    }

    private static Dictionary<string, AttributeValue> ReadBack(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = ReadBackDepth });
        // Never expected: the JSON was written from attributes that passed every check. Nothing of
        // the item is named, since its values may have come from a secret.
        return DynamoJsonReader.ReadItem(document.RootElement, (_, _) => throw ReadBackFailed())
            ?? throw ReadBackFailed();
    }

    private static InvalidOperationException ReadBackFailed() => new("an item's own DynamoDB JSON did not read back");

    // Each level of an item is two in DynamoDB JSON ({"M": {...}}), and an item may nest ItemChecks.MaxDepth levels.
    private const int ReadBackDepth = (2 * ItemChecks.MaxDepth) + 2;

    private static bool HoldsSet(AttributeValue value) =>
        value.IsSSSet || value.IsNSSet || value.IsBSSet
        || (value.IsMSet && value.M.Values.Any(HoldsSet))
        || (value.IsLSet && value.L.Any(HoldsSet));
}
