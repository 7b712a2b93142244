using System.Text.Json;
using Academy.Catalog.Errors;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DocumentModel;
using Amazon.DynamoDBv2.Model;
using static Academy.Catalog.Errors.Shown;

namespace Academy.Catalog.Items;

/// <summary>
/// Plain JSON to DynamoDB attribute values through AWSSDK's document model: strings (empty ones
/// kept), numbers in DynamoDB's canonical decimal text, true/false as BOOL, null as NULL, arrays as L, objects as M.
/// </summary>
public static class PlainJsonMarshaller
{
    public static Dictionary<string, AttributeValue>? Marshal(JsonElement item, Action<string, ErrorMessage> report)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            report("", $"an item must be an object of attribute name to value, not {Words(Json.KindName(item))}");
            return null;
        }

        var document = ToDocument(item, "", report);

        // The document model drops empty strings unless told to keep them; the seed's port is "".
        return document?.ToAttributeMap(DynamoDBEntryConversion.V2, isEmptyStringValueEnabled: true);
    }

    private static Document? ToDocument(JsonElement element, string path, Action<string, ErrorMessage> report)
    {
        var document = new Document();
        var ok = true;
        foreach (var property in element.EnumerateObject())
        {
            var childPath = Paths.Child(path, property.Name);
            if (property.Name.Length == 0)
            {
                report(childPath, $"attribute names must not be empty");
                ok = false;
            }
            else if (document.ContainsKey(property.Name))
            {
                report(childPath, $"appears twice");
                ok = false;
            }
            else if (ToEntry(property.Value, childPath, report) is { } entry)
            {
                document[property.Name] = entry;
            }
            else
            {
                ok = false;
            }
        }

        return ok ? document : null;
    }

    private static DynamoDBEntry? ToEntry(JsonElement element, string path, Action<string, ErrorMessage> report)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return new Primitive(element.GetString()!, saveAsNumeric: false);
            case JsonValueKind.Number:
                if (!NumberText.TryParse(element.GetRawText(), out var number, out var problem))
                {
                    report(path, problem!);
                    return null;
                }

                // Declared as DynamoDB returns it (1.0 -> 1), so a refresh reads back the same text.
                return new Primitive(NumberText.Canonical(number), saveAsNumeric: true);
            case JsonValueKind.True or JsonValueKind.False:
                return new DynamoDBBool(element.GetBoolean());
            case JsonValueKind.Null:
                return DynamoDBNull.Null;
            case JsonValueKind.Object:
                return ToDocument(element, path, report);
            default:
                var list = new DynamoDBList();
                var index = 0;
                var ok = true;
                foreach (var child in element.EnumerateArray())
                {
                    var entry = ToEntry(child, $"{path}[{index++}]", report);
                    ok &= entry is not null;
                    if (entry is not null)
                    {
                        list.Add(entry);
                    }
                }

                return ok ? list : null;
        }
    }
}
