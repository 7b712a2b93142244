using System.Text.Json;
using Academy.Catalog.Errors;
using Amazon.DynamoDBv2.Model;
using static Academy.Catalog.Errors.Shown;

namespace Academy.Catalog.Items;

/// <summary>
/// Plain JSON to DynamoDB attribute values, as AWSSDK's document model converts them
/// (<c>Document.ToAttributeMap(DynamoDBEntryConversion.V2, isEmptyStringValueEnabled: true)</c>):
/// strings as S (empty ones kept), numbers as N in DynamoDB's canonical decimal text, true/false as
/// BOOL, null as NULL, arrays as L, objects as M, attributes in the order written.
/// </summary>
/// <remarks>
/// Written straight to <see cref="AttributeValue"/>s rather than through a <c>Document</c> first:
/// the intermediate model was a fifth of reading a seed file's items (two dictionaries per object,
/// an entry per value, conversion state per attribute) and the values come out the same.
/// An attribute's path (a.b[2].c) is only built for a message or for a map or list holding more.
/// </remarks>
public static class PlainJsonMarshaller
{
    public static Dictionary<string, AttributeValue>? Marshal(JsonElement item, Action<string, ErrorMessage> report)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            report("", $"an item must be an object of attribute name to value, not {Words(Json.KindName(item))}");
            return null;
        }

        var names = new NameReuse(t_names ??= new string?[NameReuse.Capacity]);
        return ToMap(item, "", new Dictionary<string, AttributeValue>(item.GetPropertyCount()), report, ref names);
    }

    // The items of one file mostly share their attribute names, in the same order: the n-th name
    // read in an item is compared with the n-th of the item before and, when equal, that string is
    // kept instead of a new one. Every item would otherwise hold its own copy of every name.
    [ThreadStatic]
    private static string?[]? t_names;

    private ref struct NameReuse(string?[] names)
    {
        public const int Capacity = 64;

        private int _next;

        public string Of(JsonProperty property)
        {
            if (_next >= Capacity)
            {
                return property.Name;
            }

            var earlier = names[_next];
            var name = earlier is not null && property.NameEquals(earlier) ? earlier : property.Name;
            names[_next++] = name;
            return name;
        }
    }

    // Every attribute is looked at, so one item reports all its problems; any problem and it is null.
    private static Dictionary<string, AttributeValue>? ToMap(
        JsonElement element, string path, Dictionary<string, AttributeValue> map, Action<string, ErrorMessage> report, ref NameReuse names)
    {
        var ok = true;
        foreach (var property in element.EnumerateObject())
        {
            var name = names.Of(property);
            if (name.Length == 0)
            {
                report(Paths.Child(path, name), $"attribute names must not be empty");
                ok = false;
            }
            else if (map.ContainsKey(name))
            {
                report(Paths.Child(path, name), $"appears twice");
                ok = false;
            }
            else if (ToValue(property.Value, new AttributePlace(path, name, 0), report, ref names) is { } value)
            {
                map[name] = value;
            }
            else
            {
                ok = false;
            }
        }

        return ok ? map : null;
    }

    private static AttributeValue? ToValue(JsonElement element, AttributePlace place, Action<string, ErrorMessage> report, ref NameReuse names)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return new AttributeValue { S = element.GetString()! };
            case JsonValueKind.Number:
                if (!NumberText.TryCanonical(element.GetRawText(), out var number, out var problem))
                {
                    report(place.Path, problem!);
                    return null;
                }

                // Declared as DynamoDB returns it (1.0 -> 1), so a refresh reads back the same text.
                return new AttributeValue { N = number };
            case JsonValueKind.True or JsonValueKind.False:
                return new AttributeValue { BOOL = element.GetBoolean() };
            case JsonValueKind.Null:
                return new AttributeValue { NULL = true };
            case JsonValueKind.Object:
                return ToMap(element, place.Path, new Dictionary<string, AttributeValue>(element.GetPropertyCount(), StringComparer.Ordinal), report, ref names) is { } map
                    ? MapValue(map)
                    : null;
            default:
                var path = place.Path;
                var list = new List<AttributeValue>(element.GetArrayLength());
                var index = 0;
                var ok = true;
                foreach (var child in element.EnumerateArray())
                {
                    var value = ToValue(child, new AttributePlace(path, null, index++), report, ref names);
                    ok &= value is not null;
                    if (value is not null)
                    {
                        list.Add(value);
                    }
                }

                return ok ? ListValue(list) : null;
        }
    }

    // AWSSDK counts a map or list with members as set whatever AWSConfigs.InitializeCollections says;
    // only an empty one needs the explicit mark, which wraps it in a copy (AlwaysSendDictionary,
    // AlwaysSendList) that would otherwise double every map and list of a catalog.
    private static AttributeValue MapValue(Dictionary<string, AttributeValue> map)
    {
        var value = new AttributeValue { M = map };
        if (map.Count == 0)
        {
            value.IsMSet = true;
        }

        return value;
    }

    private static AttributeValue ListValue(List<AttributeValue> list)
    {
        var value = new AttributeValue { L = list };
        if (list.Count == 0)
        {
            value.IsLSet = true;
        }

        return value;
    }
}
