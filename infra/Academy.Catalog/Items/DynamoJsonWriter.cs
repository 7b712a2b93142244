using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace Academy.Catalog.Items;

/// <summary>
/// Writes attribute values as DynamoDB JSON ({"S": "..."}), the form aws_dynamodb_table_item takes
/// and `aws dynamodb scan` prints. AWSSDK has no public writer for this wire form, so it lives here.
/// </summary>
public static class DynamoJsonWriter
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    public static string Write(IReadOnlyDictionary<string, AttributeValue> item, bool indented = false)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, indented ? Indented : Compact))
        {
            WriteMap(writer, item);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void WriteMap(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, AttributeValue>> map)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in map)
        {
            writer.WritePropertyName(name);
            WriteValue(writer, value);
        }

        writer.WriteEndObject();
    }

    public static void WriteValue(Utf8JsonWriter writer, AttributeValue value)
    {
        writer.WriteStartObject();
        if (value.S is not null)
        {
            writer.WriteString("S", value.S);
        }
        else if (value.N is not null)
        {
            writer.WriteString("N", value.N);
        }
        else if (value.B is not null)
        {
            writer.WriteString("B", Convert.ToBase64String(value.B.ToArray()));
        }
        else if (value.IsBOOLSet)
        {
            writer.WriteBoolean("BOOL", value.BOOL == true);
        }
        else if (value.NULL == true)
        {
            writer.WriteBoolean("NULL", true);
        }
        else if (value.IsMSet)
        {
            writer.WritePropertyName("M");
            WriteMap(writer, value.M);
        }
        else if (value.IsLSet)
        {
            writer.WriteStartArray("L");
            foreach (var element in value.L)
            {
                WriteValue(writer, element);
            }

            writer.WriteEndArray();
        }
        else if (value.IsSSSet)
        {
            WriteStrings(writer, "SS", value.SS);
        }
        else if (value.IsNSSet)
        {
            WriteStrings(writer, "NS", value.NS);
        }
        else if (value.IsBSSet)
        {
            WriteStrings(writer, "BS", value.BS.Select(b => Convert.ToBase64String(b.ToArray())));
        }
        else
        {
            throw new ArgumentException("attribute value has no type set", nameof(value));
        }

        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string type, IEnumerable<string> values)
    {
        writer.WriteStartArray(type);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
