using System.Text;
using System.Text.Json;
using Academy.Catalog.Errors;
using Academy.Catalog.Items;
using Academy.Catalog.Tables;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Compare;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Export;

/// <summary>The seed files of one table: plain JSON items for &lt;table&gt;.json, the rest for &lt;table&gt;.dynamodb.json.</summary>
public sealed record EncodedTable(string? Plain, int PlainCount, string? DynamoDb, int DynamoDbCount);

/// <summary>
/// Encodes live items as seed files the catalog reads back to exactly those items. An item goes to
/// plain JSON only when plain JSON holds it without loss: no binary, no sets, and numbers that any
/// JSON reader keeps (at most 15 significant digits, what a double holds); everything else goes to
/// DynamoDB JSON. Each encoded item is read back through the catalog's own parser and compared with
/// the live item before anything is written.
/// </summary>
public static class SeedFileEncoder
{
    /// <summary>Digits a float64 keeps exactly; a JSON tool reading the file as doubles rounds beyond this.</summary>
    public const int PlainNumberDigits = 15;

    public static EncodedTable Encode(TableSpec table, IReadOnlyList<Dictionary<string, AttributeValue>> items)
    {
        var definition = new TableDefinition(table.Key, table.HashKey, table.RangeKey);
        var plain = new List<IReadOnlyDictionary<string, AttributeValue>>();
        var dynamo = new List<IReadOnlyDictionary<string, AttributeValue>>();
        foreach (var item in items)
        {
            var ordered = Ordered(table, item);
            if (ordered.Values.All(IsPlain) && ReadsBack(Render([ordered], plain: true), ItemFormat.Plain, definition, item))
            {
                plain.Add(ordered);
            }
            else if (ReadsBack(Render([ordered], plain: false), ItemFormat.DynamoDb, definition, item))
            {
                dynamo.Add(ordered);
            }
            else
            {
                throw new SandboxException($"error: {table.Name}: item {DynamoJsonWriter.Write(KeyOf(table, item))} does not read back as it is stored; nothing was written");
            }
        }

        return new EncodedTable(
            plain.Count > 0 || dynamo.Count == 0 ? Render(plain, plain: true) : null,
            plain.Count,
            dynamo.Count > 0 ? Render(dynamo, plain: false) : null,
            dynamo.Count);
    }

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
    private static Dictionary<string, AttributeValue> Ordered(TableSpec table, IReadOnlyDictionary<string, AttributeValue> item)
    {
        var keys = table.AttributeDefinitions.Select(k => k.Name).ToList();
        return item.OrderBy(kv => keys.IndexOf(kv.Key) is var i && i >= 0 ? i : keys.Count)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .ToDictionary(kv => kv.Key, kv => Sorted(kv.Value), StringComparer.Ordinal);
    }

    private static AttributeValue Sorted(AttributeValue value) => value switch
    {
        { IsMSet: true } => new AttributeValue { M = value.M.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => Sorted(kv.Value)) },
        { IsLSet: true } => new AttributeValue { L = value.L.Select(Sorted).ToList() },
        { IsSSSet: true } => new AttributeValue { SS = value.SS.Order(StringComparer.Ordinal).ToList() },
        { IsNSSet: true } => new AttributeValue { NS = value.NS.Order(StringComparer.Ordinal).ToList() },
        { IsBSSet: true } => new AttributeValue { BS = value.BS.Select(b => b.ToArray()).OrderBy(Convert.ToBase64String, StringComparer.Ordinal).Select(b => new MemoryStream(b)).ToList() },
        _ => value,
    };

    private static string Render(IReadOnlyList<IReadOnlyDictionary<string, AttributeValue>> items, bool plain)
    {
        if (!plain)
        {
            // One attribute per line with its typed value compact: readable, and diffs name the attribute.
            var rendered = items.Select(item => "  {\n" + string.Join(",\n", item.Select(kv =>
                $"    {DynamoJsonWriter.Quote(kv.Key)}: {DynamoJsonWriter.Write(kv.Value)}")) + "\n  }");
            return items.Count == 0 ? "[]\n" : "[\n" + string.Join(",\n", rendered) + "\n]\n";
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, DynamoJsonWriter.Options(indented: true)))
        {
            writer.WriteStartArray();
            foreach (var item in items)
            {
                PlainJsonWriter.WriteMap(writer, item);
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static bool ReadsBack(string json, ItemFormat format, TableDefinition table, IReadOnlyDictionary<string, AttributeValue> live)
    {
        using var document = JsonDocument.Parse(json);
        var errors = new ErrorList();
        var read = ItemParser.ParseList(document.RootElement, format, table, "export", errors);
        return !errors.Any && read.Count == 1 && AttributeValues.ItemsEqual(read[0].Attributes, live);
    }

    private static Dictionary<string, AttributeValue> KeyOf(TableSpec table, IReadOnlyDictionary<string, AttributeValue> item) =>
        table.AttributeDefinitions.Where(k => item.ContainsKey(k.Name)).ToDictionary(k => k.Name, k => item[k.Name]);
}
