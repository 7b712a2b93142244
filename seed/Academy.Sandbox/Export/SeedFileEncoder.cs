using System.Text;
using System.Text.Json;
using Academy.Catalog.Errors;
using Academy.Catalog.Items;
using Academy.Catalog.Tables;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Compare;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Export;

/// <summary>
/// How export writes live items into seed files the catalog reads back to exactly those items. An item
/// goes to plain JSON only when plain JSON holds it without loss: no binary, no sets, and numbers that
/// any JSON reader keeps (at most 15 significant digits, what a double holds); everything else goes to
/// DynamoDB JSON.
/// </summary>
public static class SeedFileEncoder
{
    /// <summary>Digits a float64 keeps exactly; a JSON tool reading the file as doubles rounds beyond this.</summary>
    public const int PlainNumberDigits = 15;

    /// <summary>True when plain JSON holds the value exactly, as this catalog and any JSON tool read it.</summary>
    public static bool IsPlain(AttributeValue value)
    {
        if (value.S is not null || value.IsBOOLSet || value.NULL == true)
        {
            return true;
        }

        if (value.N is not null)
        {
            return NumberText.IsJson(value.N) && NumberText.SignificantDigits(value.N) <= PlainNumberDigits;
        }

        if (value.IsMSet)
        {
            return value.M.Values.All(IsPlain);
        }

        return value.IsLSet && value.L.All(IsPlain);
    }

    // Key attributes first, then the others by name; nested maps by name too, so exports diff cleanly.
    public static Dictionary<string, AttributeValue> Ordered(TableSpec table, IReadOnlyDictionary<string, AttributeValue> item)
    {
        var keys = table.AttributeDefinitions.Select(k => k.Name).ToList();
        return item.OrderBy(kv => keys.IndexOf(kv.Key) is var i && i >= 0 ? i : keys.Count)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .ToDictionary(kv => kv.Key, kv => Sorted(kv.Value), StringComparer.Ordinal);
    }

    /// <summary>The value with nested maps by name and sets sorted, as export writes a value it changes.</summary>
    public static AttributeValue Sorted(AttributeValue value) => value switch
    {
        { IsMSet: true } => new AttributeValue { M = value.M.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => Sorted(kv.Value)) },
        { IsLSet: true } => new AttributeValue { L = value.L.Select(Sorted).ToList() },
        { IsSSSet: true } => new AttributeValue { SS = value.SS.Order(StringComparer.Ordinal).ToList() },
        { IsNSSet: true } => new AttributeValue { NS = value.NS.Order(StringComparer.Ordinal).ToList() },
        { IsBSSet: true } => new AttributeValue { BS = value.BS.Select(b => b.ToArray()).OrderBy(Convert.ToBase64String, StringComparer.Ordinal).Select(b => new MemoryStream(b)).ToList() },
        _ => value,
    };

    /// <summary>True when the item goes to plain JSON: every value is plain and it reads back exactly.</summary>
    public static bool FitsPlain(TableSpec table, IReadOnlyDictionary<string, AttributeValue> item) =>
        item.Values.All(IsPlain) && ReadsBack("[" + RenderItem(Ordered(table, item), plain: true, "", "\n") + "]", ItemFormat.Plain, new TableDefinition(table.Key, table.HashKey, table.RangeKey), item);

    /// <summary>One item as it stands in a seed file, its lines after the first indented by <paramref name="indent"/>.</summary>
    public static string RenderItem(IReadOnlyDictionary<string, AttributeValue> item, bool plain, string indent, string newline)
    {
        if (!plain)
        {
            // One attribute per line with its typed value compact: readable, and diffs name the attribute.
            return "{" + newline + string.Join("," + newline, item.Select(kv => $"{indent}  {Name(kv.Key)}: {RenderValue(kv.Value, plain, indent, newline)}")) + newline + indent + "}";
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, DynamoJsonWriter.Options(indented: true)))
        {
            PlainJsonWriter.WriteMap(writer, item);
        }

        return Indent(Encoding.UTF8.GetString(stream.ToArray()), indent, newline);
    }

    /// <summary>One attribute value as it stands in a seed file: plain JSON indented like the file, DynamoDB JSON compact.</summary>
    public static string RenderValue(AttributeValue value, bool plain, string indent, string newline)
    {
        if (!plain)
        {
            return DynamoJsonWriter.Write(value);
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, DynamoJsonWriter.Options(indented: true)))
        {
            PlainJsonWriter.WriteValue(writer, value);
        }

        return Indent(Encoding.UTF8.GetString(stream.ToArray()), indent, newline);
    }

    /// <summary>An attribute name as JSON text.</summary>
    public static string Name(string name) => JsonSerializer.Serialize(name, JsonOutput.Options);

    private static string Indent(string text, string indent, string newline) => text.ReplaceLineEndings(newline + indent);

    private static bool ReadsBack(string json, ItemFormat format, TableDefinition table, IReadOnlyDictionary<string, AttributeValue> live)
    {
        using var document = JsonDocument.Parse(json);
        var errors = new ErrorList();
        var read = ItemParser.ParseList(document.RootElement, format, table, "export", errors);
        return !errors.Any && read.Count == 1 && AttributeValues.ItemsEqual(read[0].Attributes, live);
    }
}
