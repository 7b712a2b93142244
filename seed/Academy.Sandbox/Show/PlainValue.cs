using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.DocumentModel;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Show;

/// <summary>
/// An attribute value as a person writes it in a seed file: lists and maps as plain JSON, sets as
/// lists, binary as base64 (through the SDK's document model), not DynamoDB JSON.
/// </summary>
public static class PlainValue
{
    private const string Slot = "v";

    /// <summary>Strings as they are ("" when empty), everything else as compact plain JSON.</summary>
    public static string Text(AttributeValue value) =>
        value.S is { } s ? (s.Length == 0 ? "\"\"" : s) : Json(value)?.ToJsonString() ?? "null";

    /// <summary>The value as a JSON node (null for NULL), for --json output.</summary>
    public static JsonNode? Json(AttributeValue value)
    {
        var document = Document.FromAttributeMap(new Dictionary<string, AttributeValue> { [Slot] = value });
        return JsonNode.Parse(document.ToJson())![Slot]?.DeepClone();
    }
}
