using System.Text;
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
    public const int MaxHashKeyBytes = 2048;
    public const int MaxRangeKeyBytes = 1024;

    public static List<CatalogItem> ParseList(JsonElement list, ItemFormat format, TableDefinition table, string source, ErrorList errors)
    {
        var count = list.ValueKind == JsonValueKind.Array ? list.GetArrayLength() : 0;
        var items = new List<CatalogItem>(count);
        var seen = new Dictionary<ItemKey, (int Position, string Label)>(count);
        var position = 0;
        var reporter = new Reporter(errors, source);
        foreach (var element in list.EnumerateArray())
        {
            position++;
            var label = reporter.Label = Label(element, format, table, position);
            var item = Parse(element, format, table, reporter);
            if (item is null)
            {
                continue;
            }

            if (seen.TryGetValue(item.Key, out var first))
            {
                var byValue = first.Label != label && !first.Label.StartsWith('#') && !label.StartsWith('#')
                    ? $" ('{first.Label}' and '{label}' are equal by value, and DynamoDB compares keys by value)"
                    : "";
                errors.Add(source, label, $"duplicate key: items #{first.Position} and #{position} both have {Name(Describe(table, item.Key))}{Name(byValue)}");
                continue;
            }

            seen[item.Key] = (position, label);
            items.Add(item);
        }

        return items;
    }

    public static CatalogItem? Parse(JsonElement element, ItemFormat format, TableDefinition table, string source, string label, ErrorList errors) =>
        Parse(element, format, table, new Reporter(errors, source) { Label = label });

    /// <summary>
    /// Reports an item's problems under its file and label: one per list, its label set for each item,
    /// so a list of a thousand items makes one delegate rather than a thousand closures.
    /// </summary>
    private sealed class Reporter
    {
        public Reporter(ErrorList errors, string source)
        {
            Errors = errors;
            Source = source;
            Report = (path, message) => Errors.Add(Source, Label, path.Length == 0 ? message : $"attribute '{Name(path)}': {message}");
        }

        public ErrorList Errors { get; }

        public string Source { get; }

        public string Label { get; set; } = "";

        /// <summary>The one delegate every check of every item of the list reports through.</summary>
        public Action<string, ErrorMessage> Report { get; }
    }

    private static CatalogItem? Parse(JsonElement element, ItemFormat format, TableDefinition table, Reporter reporter)
    {
        var (errors, source, report) = (reporter.Errors, reporter.Source, reporter.Report);
        var before = errors.Count;

        var attributes = format == ItemFormat.Plain
            ? PlainJsonMarshaller.Marshal(element, report)
            : DynamoJsonReader.ReadItem(element, report);
        if (attributes is null)
        {
            return null;
        }

        var hash = KeyValue(attributes, table.HashKey, isHash: true, format, report);
        var range = table.RangeKey is null ? null : KeyValue(attributes, table.RangeKey, isHash: false, format, report);
        ItemChecks.Run(attributes, report);

        // The item works out its size when built; an item with other problems is not built, and its
        // size is worked out here so that every problem is still reported at once.
        var item = errors.Count > before || hash is null ? null : new CatalogItem
        {
            TableKey = table.Key,
            HashKeyValue = hash,
            RangeKeyValue = range,
            Attributes = attributes,
            Source = source,
        };
        ItemChecks.Size(item?.SizeBytes ?? ItemSize.Of(attributes), report);
        return errors.Count > before ? null : item;
    }

    private static string? KeyValue(Dictionary<string, AttributeValue> item, KeyAttribute key, bool isHash, ItemFormat format, Action<string, ErrorMessage> report)
    {
        if (!item.TryGetValue(key.Name, out var value))
        {
            var near = item.Keys.FirstOrDefault(n => string.Equals(n, key.Name, StringComparison.OrdinalIgnoreCase))
                ?? item.Keys.FirstOrDefault(n => OneEditApart(n, key.Name));
            if (near is null)
            {
                report("", $"has no key attribute '{Name(key.Name)}'; every item needs one");
            }
            else
            {
                report("", $"has no key attribute '{Name(key.Name)}'; did you mean '{Name(key.Name)}'? it has '{Name(near)}' (attribute names are case- and spelling-exact)");
            }

            return null;
        }

        var text = ItemKey.Text(key.Type, value);
        if (string.IsNullOrEmpty(text))
        {
            var wanted = key.Type switch
            {
                "S" => "a non-empty string",
                "N" => "a number",
                _ => format == ItemFormat.Plain ? "binary, which only DynamoDB JSON can express" : "non-empty binary",
            };
            report(key.Name, $"the key must be {Words(wanted)}, got {Shorten(DynamoJsonWriter.Write(new Dictionary<string, AttributeValue> { [key.Name] = value }))}");
            return null;
        }

        // DynamoDB's key limits (numbers are bounded by their 38 digits already).
        var bytes = key.Type switch
        {
            "S" => Encoding.UTF8.GetByteCount(text),
            "B" => (int)value.B.Length,
            _ => 0,
        };
        var limit = isHash ? MaxHashKeyBytes : MaxRangeKeyBytes;
        if (bytes > limit)
        {
            report(key.Name, $"the {Words(isHash ? "hash" : "range")} key is {bytes:N0} bytes; DynamoDB allows at most {limit:N0} bytes for a {Words(isHash ? "hash (partition)" : "range (sort)")} key");
            return null;
        }

        return text;
    }

    // One letter added, dropped or changed: "nme" or "names" for "name".
    private static bool OneEditApart(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1 || a == b)
        {
            return false;
        }

        var (i, j, edits) = (0, 0, 0);
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                (i, j) = (i + 1, j + 1);
                continue;
            }

            if (++edits > 1)
            {
                return false;
            }

            (i, j) = a.Length > b.Length ? (i + 1, j) : a.Length < b.Length ? (i, j + 1) : (i + 1, j + 1);
        }

        return edits + (a.Length - i) + (b.Length - j) <= 1;
    }

    // A key can be 2 KB; messages name it by its start.
    private static string ShortLabel(string key) => Excerpt.Of(key, 64, 40);

    private static string Shorten(string text) => Excerpt.Of(text, 200, 160);

    /// <summary>The key in words, for messages: name 'x', or name 'x' and run '3'.</summary>
    public static string Describe(TableDefinition table, ItemKey key) =>
        table.RangeKey is null
            ? $"{table.HashKey.Name} '{key.Hash}'"
            : $"{table.HashKey.Name} '{key.Hash}' and {table.RangeKey.Name} '{key.Range}'";

    // Messages name an item by its key where it has one, else by its 1-based position.
    private static string Label(JsonElement element, ItemFormat format, TableDefinition table, int position)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(table.HashKey.Name, out var key))
        {
            if (format == ItemFormat.Plain && key.ValueKind == JsonValueKind.String && key.GetString() is { Length: > 0 } plain)
            {
                return ShortLabel(plain);
            }

            if (format == ItemFormat.Plain && key.ValueKind == JsonValueKind.Number && table.HashKey.Type == "N")
            {
                return key.GetRawText();
            }

            if (format == ItemFormat.DynamoDb && key.ValueKind == JsonValueKind.Object
                && key.TryGetProperty(table.HashKey.Type, out var typed) && typed.ValueKind == JsonValueKind.String
                && typed.GetString() is { Length: > 0 } dynamo)
            {
                return ShortLabel(dynamo);
            }
        }

        return $"#{position}";
    }
}
