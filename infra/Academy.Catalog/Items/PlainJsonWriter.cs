using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace Academy.Catalog.Items;

/// <summary>
/// Writes attribute values as plain JSON, the way a person writes a seed file: lists and maps as JSON
/// arrays and objects, sets as arrays, binary as base64, NULL as null. The counterpart of
/// <see cref="DynamoJsonWriter"/>, with the same text encoding.
/// </summary>
public static class PlainJsonWriter
{
    /// <summary>One value as compact plain JSON.</summary>
    public static string Write(AttributeValue value) => DynamoJsonWriter.Render(writer => WriteValue(writer, value), indented: false);

    public static void WriteMap(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, AttributeValue>> map) =>
        DynamoJsonWriter.WriteObject(writer, map, WriteValue);

    public static void WriteValue(Utf8JsonWriter writer, AttributeValue value)
    {
        switch (value)
        {
            case { S: { } s }:
                writer.WriteStringValue(s);
                break;
            case { N: { } n }:
                WriteNumber(writer, n);
                break;
            case { B: { } b }:
                writer.WriteBase64StringValue(b.ToArray());
                break;
            case { IsBOOLSet: true }:
                writer.WriteBooleanValue(value.BOOL == true);
                break;
            case { IsMSet: true }:
                WriteMap(writer, value.M);
                break;
            case { IsLSet: true }:
                WriteArray(writer, value.L, WriteValue);
                break;
            case { IsSSSet: true }:
                WriteArray(writer, value.SS, (w, s) => w.WriteStringValue(s));
                break;
            case { IsNSSet: true }:
                WriteArray(writer, value.NS, WriteNumber);
                break;
            case { IsBSSet: true }:
                WriteArray(writer, value.BS, (w, b) => w.WriteBase64StringValue(b.ToArray()));
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    // DynamoDB's number text is JSON's in every case the engine returns; anything else stays a string
    // rather than becoming invalid JSON. Written through a parsed element, not WriteRawValue, which
    // would keep its digits but skip the indentation of an indented document.
    private static void WriteNumber(Utf8JsonWriter writer, string number)
    {
        if (NumberText.IsJson(number))
        {
            using var parsed = JsonDocument.Parse(number);
            parsed.RootElement.WriteTo(writer);
        }
        else
        {
            writer.WriteStringValue(number);
        }
    }

    private static void WriteArray<T>(Utf8JsonWriter writer, IEnumerable<T> values, Action<Utf8JsonWriter, T> write)
    {
        writer.WriteStartArray();
        foreach (var element in values)
        {
            write(writer, element);
        }

        writer.WriteEndArray();
    }

}
