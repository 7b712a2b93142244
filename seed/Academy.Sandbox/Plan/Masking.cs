using Academy.Catalog.Items;
using Academy.Catalog.Settings;
using Academy.Catalog.Tables;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Plan;

/// <summary>
/// Secret items keep their key visible (so a learner can tell which item it is) and hide every other
/// value; secret tags likewise keep their name and hide their value.
/// </summary>
public static class Masking
{
    public const string Mask = "***";

    public static IReadOnlyDictionary<string, AttributeValue> Printable(CatalogItem item, TableSpec table) =>
        item.Secret ? Masked(item.Attributes, table) : item.Attributes;

    public static IReadOnlyDictionary<string, AttributeValue> Masked(IReadOnlyDictionary<string, AttributeValue> attributes, TableSpec table)
    {
        var keys = table.AttributeDefinitions.Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
        return attributes.ToDictionary(kv => kv.Key, kv => keys.Contains(kv.Key) ? kv.Value : new AttributeValue { S = Mask }, StringComparer.Ordinal);
    }

    /// <summary>The tables' tags as a plan shows them: the value of a tag from a secret config key masked.</summary>
    public static IReadOnlyDictionary<string, string> Tags(TableOptions options) =>
        options.Tags.ToDictionary(t => t.Key, t => options.SecretTags.Contains(t.Key) ? Mask : t.Value, StringComparer.Ordinal);

    /// <summary>
    /// A live tag's value as printed: masked when the catalog's tag of that key is secret, or when
    /// academy:tags is secret and the catalog has no plain tag of that key (it may be one the sandbox
    /// could not decrypt, set by `pulumi up`).
    /// </summary>
    public static string LiveTag(TableOptions options, string key, string value) =>
        options.SecretTags.Contains(key) || (options.TagsSecret && !options.Tags.ContainsKey(key)) ? Mask : value;
}
