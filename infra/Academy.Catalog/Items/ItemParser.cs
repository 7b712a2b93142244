using System.Text.Json;
using Academy.Catalog.Errors;
using Academy.Catalog.Tables;
using Amazon.DynamoDBv2.Model;
using static Academy.Catalog.Errors.Shown;

namespace Academy.Catalog.Items;

public enum ItemFormat
{
    /// <summary>Ordinary JSON: {"name": "x", "count": 3}.</summary>
    Plain,

    /// <summary>DynamoDB JSON as `aws dynamodb scan` prints it: {"name": {"S": "x"}}.</summary>
    DynamoDb,
}

/// <summary>Turns one JSON list of items into validated <see cref="CatalogItem"/>s of one table.</summary>
public static class ItemParser
{
    public static List<CatalogItem> ParseList(JsonElement list, ItemFormat format, TableDefinition table, string source, ErrorList errors)
    {
        var items = new List<CatalogItem>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var position = 0;
        foreach (var element in list.EnumerateArray())
        {
            position++;
            var label = Label(element, format, table, position);
            var item = Parse(element, format, table, source, label, errors);
            if (item is null)
            {
                continue;
            }

            if (seen.TryGetValue(item.Id, out var first))
            {
                errors.Add(source, label, $"duplicate key: items #{first} and #{position} both have {Name(table.HashKey.Name)} '{Name(item.Id)}'");
                continue;
            }

            seen[item.Id] = position;
            items.Add(item);
        }

        return items;
    }

    public static CatalogItem? Parse(JsonElement element, ItemFormat format, TableDefinition table, string source, string label, ErrorList errors)
    {
        var before = errors.Errors.Count;
        void Report(string path, ErrorMessage message) =>
            errors.Add(source, label, path.Length == 0 ? message : $"attribute '{Name(path)}': {message}");

        var attributes = format == ItemFormat.Plain
            ? PlainJsonMarshaller.Marshal(element, Report)
            : DynamoJsonReader.ReadItem(element, Report);
        if (attributes is null)
        {
            return null;
        }

        var hash = KeyValue(attributes, table.HashKey, format, Report);
        var range = table.RangeKey is null ? null : KeyValue(attributes, table.RangeKey, format, Report);
        var size = ItemSize.Of(attributes);
        if (size > ItemSize.MaxBytes)
        {
            Report("", $"is {size:N0} bytes by DynamoDB's size rules; an item may be at most {ItemSize.MaxBytes:N0} bytes (400 KB)");
        }

        if (errors.Errors.Count > before || hash is null)
        {
            return null;
        }

        return new CatalogItem
        {
            TableKey = table.Key,
            HashKeyValue = hash,
            RangeKeyValue = range,
            Attributes = attributes,
            Source = source,
        };
    }

    private static string? KeyValue(Dictionary<string, AttributeValue> item, KeyAttribute key, ItemFormat format, Action<string, ErrorMessage> report)
    {
        if (!item.TryGetValue(key.Name, out var value))
        {
            report("", $"has no key attribute '{Name(key.Name)}'; every item needs one");
            return null;
        }

        var text = key.Type switch
        {
            "S" => value.S,
            "N" => value.N,
            _ => value.B is null ? null : Convert.ToBase64String(value.B.ToArray()),
        };
        if (string.IsNullOrEmpty(text))
        {
            var wanted = key.Type switch
            {
                "S" => "a non-empty string",
                "N" => "a number",
                _ => format == ItemFormat.Plain ? "binary, which only DynamoDB JSON can express" : "non-empty binary",
            };
            report(key.Name, $"the key must be {Words(wanted)}, got {DynamoJsonWriter.Write(new Dictionary<string, AttributeValue> { [key.Name] = value })}");
            return null;
        }

        return text;
    }

    // Messages name an item by its key where it has one, else by its 1-based position.
    private static string Label(JsonElement element, ItemFormat format, TableDefinition table, int position)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(table.HashKey.Name, out var key))
        {
            if (format == ItemFormat.Plain && key.ValueKind == JsonValueKind.String && key.GetString() is { Length: > 0 } plain)
            {
                return plain;
            }

            if (format == ItemFormat.DynamoDb && key.ValueKind == JsonValueKind.Object
                && key.TryGetProperty(table.HashKey.Type, out var typed) && typed.ValueKind == JsonValueKind.String
                && typed.GetString() is { Length: > 0 } dynamo)
            {
                return dynamo;
            }
        }

        return $"#{position}";
    }
}
