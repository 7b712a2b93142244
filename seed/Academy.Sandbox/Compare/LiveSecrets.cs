using Academy.Catalog.Items;
using Academy.Catalog.Tables;
using Academy.Sandbox.Engine;
using Academy.Sandbox.Plan;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Compare;

/// <summary>
/// Which live items of a table may hold a value from a secret, so `show`, `verify`, `plan` and
/// `adopt` mask their values and `export` leaves them out (docs/safety.md). An item a secret academy:items declares may; and while
/// academy:items is encrypted as a whole, its items are unknown, so every live item may except one
/// identical to a plain item the catalog declares: that one's values are in a seed file already.
/// </summary>
public sealed class LiveSecrets
{
    private readonly TableSpec _table;
    private readonly bool _itemsUnknown;
    private readonly Dictionary<ItemKey, CatalogItem> _declared;

    private LiveSecrets(Academy.Catalog.Catalog catalog, TableSpec table)
    {
        _table = table;
        _itemsUnknown = catalog.Settings.ItemsUnreadable;
        _declared = catalog.ItemsOf(table.Key).ToDictionary(i => TableKeys.Of(table, i));
    }

    public static LiveSecrets For(Academy.Catalog.Catalog catalog, TableSpec table) => new(catalog, table);

    /// <summary>Why <see cref="MayBeSecret"/> holds, for a message: which key makes items unknown or secret.</summary>
    public string Reason => _itemsUnknown
        ? "academy:items is encrypted in the stack file, so the sandbox cannot tell whether they hold its secret values"
        : "they are declared by a secret academy:items value";

    public bool MayBeSecret(IReadOnlyDictionary<string, AttributeValue> live)
    {
        var declared = _declared.GetValueOrDefault(TableKeys.Of(_table, live));
        if (declared is { Secret: true })
        {
            return true;
        }

        return _itemsUnknown && (declared is null || !AttributeValues.ItemsEqual(declared.Attributes, live));
    }

    /// <summary>
    /// The differences of <paramref name="live"/> from the item the catalog declares with its key, as
    /// they may be shown: every live value masked when the live item may hold a secret's (the catalog's
    /// side is a seed file's, so it stays readable).
    /// </summary>
    public List<AttributeDifference> Shown(IReadOnlyDictionary<string, AttributeValue> live, List<AttributeDifference> differences) =>
        MayBeSecret(live) ? differences.Select(d => d.Live is null ? d : d with { Live = new AttributeValue { S = Masking.Mask } }).ToList() : differences;

    /// <summary>The plain item the catalog declares with the key of <paramref name="live"/>, or null.</summary>
    public CatalogItem? PlainDeclared(IReadOnlyDictionary<string, AttributeValue> live) =>
        _declared.GetValueOrDefault(TableKeys.Of(_table, live)) is { Secret: false } declared ? declared : null;
}
