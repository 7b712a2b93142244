using System.Text.Json;
using Academy.Catalog.Errors;
using Amazon.DynamoDBv2.Model;
using Amazon.Extensions.Numerics;
using static Academy.Catalog.Errors.Shown;

namespace Academy.Catalog.Items;

/// <summary>
/// Reads DynamoDB JSON (the form `aws dynamodb scan` prints) into attribute values, with the checks
/// DynamoDB itself makes, so a bad value is reported with its attribute path before any call.
/// </summary>
public static class DynamoJsonReader
{
    private static readonly string[] Types = ["S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS"];

    /// <summary>Reads one item; every problem goes to <paramref name="report"/> as (attribute path, message).</summary>
    public static Dictionary<string, AttributeValue>? ReadItem(JsonElement item, Action<string, ErrorMessage> report)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            report("", $"an item must be an object of attribute name to typed value, not {Words(Json.KindName(item))}");
            return null;
        }

        var map = ReadMap(item, "", report);
        return map;
    }

    private static Dictionary<string, AttributeValue>? ReadMap(JsonElement element, string path, Action<string, ErrorMessage> report)
    {
        var map = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        var ok = true;
        foreach (var property in element.EnumerateObject())
        {
            var childPath = Paths.Child(path, property.Name);
            if (property.Name.Length == 0)
            {
                report(childPath, $"attribute names must not be empty");
                ok = false;
                continue;
            }

            if (map.ContainsKey(property.Name))
            {
                report(childPath, $"appears twice");
                ok = false;
                continue;
            }

            var value = ReadValue(property.Value, childPath, report);
            if (value is null)
            {
                ok = false;
            }
            else
            {
                map[property.Name] = value;
            }
        }

        return ok ? map : null;
    }

    private static AttributeValue? ReadValue(JsonElement element, string path, Action<string, ErrorMessage> report)
    {
        if (element.ValueKind != JsonValueKind.Object || element.EnumerateObject().Count() != 1)
        {
            report(path, $"a DynamoDB JSON value is an object with exactly one type key ({Names(Types)}), got {element.GetRawText()}");
            return null;
        }

        var typed = element.EnumerateObject().Single();
        var inner = typed.Value;
        switch (typed.Name)
        {
            case "S" when inner.ValueKind == JsonValueKind.String:
                return new AttributeValue { S = inner.GetString() };
            case "N" when inner.ValueKind == JsonValueKind.String:
                return Number(inner.GetString()!, path, report) is { } n ? new AttributeValue { N = n } : null;
            case "B" when inner.ValueKind == JsonValueKind.String:
                return Binary(inner.GetString()!, path, report) is { } b ? new AttributeValue { B = new MemoryStream(b) } : null;
            case "BOOL" when inner.ValueKind is JsonValueKind.True or JsonValueKind.False:
                return new AttributeValue { BOOL = inner.GetBoolean() };
            case "NULL" when inner.ValueKind == JsonValueKind.True:
                return new AttributeValue { NULL = true };
            case "M" when inner.ValueKind == JsonValueKind.Object:
                return ReadMap(inner, path, report) is { } m ? new AttributeValue { M = m } : null;
            case "L" when inner.ValueKind == JsonValueKind.Array:
                return ReadList(inner, path, report);
            case "SS" or "NS" or "BS" when inner.ValueKind == JsonValueKind.Array:
                return ReadSet(typed.Name, inner, path, report);
            case var type when Types.Contains(type):
                report(path, $"{Name(type)} cannot hold {Words(Json.KindName(inner))}: {Words(Expected(type))}");
                return null;
            default:
                report(path, $"'{Name(typed.Name)}' is not a DynamoDB type; use one of {Names(Types)}");
                return null;
        }
    }

    private static AttributeValue? ReadList(JsonElement array, string path, Action<string, ErrorMessage> report)
    {
        var list = new List<AttributeValue>();
        var index = 0;
        var ok = true;
        foreach (var element in array.EnumerateArray())
        {
            var value = ReadValue(element, $"{path}[{index++}]", report);
            ok &= value is not null;
            if (value is not null)
            {
                list.Add(value);
            }
        }

        return ok ? new AttributeValue { L = list } : null;
    }

    private static AttributeValue? ReadSet(string type, JsonElement array, string path, Action<string, ErrorMessage> report)
    {
        var members = new List<string>();
        foreach (var element in array.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.String)
            {
                report(path, $"{Name(type)} members are strings, got {element.GetRawText()}");
                return null;
            }

            members.Add(element.GetString()!);
        }

        if (members.Count == 0)
        {
            report(path, $"{Name(type)} must not be empty; DynamoDB has no empty sets (leave the attribute out)");
            return null;
        }

        // Sets are emitted sorted (SS ordinal, NS by value, BS by bytes): DynamoDB returns them in no
        // fixed order, and a stable order at least keeps our own declaration from changing.
        switch (type)
        {
            case "SS":
                return Unique(type, members, members, path, report) ? new AttributeValue { SS = members.Order(StringComparer.Ordinal).ToList() } : null;
            case "NS":
                var numbers = members.Select(m => NumberText.TryParse(m, out var n, out var problem) ? (Text: m, Value: (BigDecimal?)n) : Report(problem!)).ToList();
                if (numbers.Any(n => n.Value is null) || !Unique(type, members, numbers.Select(n => NumberText.Canonical(n.Value!.Value)).ToList(), path, report))
                {
                    return null;
                }

                return new AttributeValue { NS = numbers.Select(n => n.Value!.Value).Order().Select(NumberText.Canonical).ToList() };
            default:
                var binaries = members.Select(m => Binary(m, path, report)).ToList();
                if (binaries.Any(b => b is null) || !Unique(type, members, binaries.Select(b => Convert.ToBase64String(b!)).ToList(), path, report))
                {
                    return null;
                }

                return new AttributeValue { BS = binaries.Order(ByteOrder.Instance).Select(b => new MemoryStream(b!)).ToList() };
        }

        (string Text, BigDecimal? Value) Report(ErrorMessage problem)
        {
            report(path, problem);
            return ("", null);
        }
    }

    // Members compare as DynamoDB compares them: numbers by value, binary by bytes.
    private static bool Unique(string type, List<string> written, List<string> canonical, string path, Action<string, ErrorMessage> report)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < canonical.Count; i++)
        {
            if (first.TryGetValue(canonical[i], out var earlier))
            {
                if (written[earlier] == written[i])
                {
                    report(path, $"{Name(type)} holds '{written[i]}' twice; set members are unique");
                }
                else
                {
                    report(path, $"{Name(type)} holds '{written[earlier]}' and '{written[i]}', which DynamoDB counts as the same member; set members are unique");
                }

                return false;
            }

            first[canonical[i]] = i;
        }

        return true;
    }

    private static string? Number(string text, string path, Action<string, ErrorMessage> report)
    {
        if (NumberText.TryParse(text, out var value, out var problem))
        {
            return NumberText.Canonical(value);
        }

        report(path, problem!);
        return null;
    }

    // Only the standard, padded form: anything else (spaces, missing padding) would come back from
    // DynamoDB in another spelling and show as a change after every refresh.
    private static byte[]? Binary(string text, string path, Action<string, ErrorMessage> report)
    {
        try
        {
            var bytes = Convert.FromBase64String(text);
            var canonical = Convert.ToBase64String(bytes);
            if (canonical != text)
            {
                report(path, $"B values are standard base64 as DynamoDB returns it: write '{canonical}', not '{text}'");
                return null;
            }

            return bytes;
        }
        catch (FormatException)
        {
            report(path, $"B values are base64 text");
            return null;
        }
    }

    private sealed class ByteOrder : IComparer<byte[]?>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }

    private static string Expected(string type) => type switch
    {
        "S" or "N" or "B" => "its value is a string (numbers too are written as text, e.g. {\"N\": \"42\"})",
        "BOOL" => "its value is true or false",
        "NULL" => "its value is true",
        "M" => "its value is an object of typed values",
        _ => "its value is a list",
    };
}
