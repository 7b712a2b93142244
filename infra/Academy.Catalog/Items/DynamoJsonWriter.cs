using System.Buffers;
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

    /// <summary>One value, compact: {"S": "..."}; what messages show of a value.</summary>
    public static string Write(AttributeValue value) => Render(writer => WriteValue(writer, value), indented: false);

    /// <summary>A whole item: compact on one line, or indented for a file a person reads.</summary>
    public static string Write(IReadOnlyDictionary<string, AttributeValue> item, bool indented = false) =>
        Render(writer => WriteMap(writer, item), indented);

    /// <summary>Text as a JSON string literal, escaped as every JSON text here (no reflection, so the native build has it too).</summary>
    public static string Quote(string text) => Render(writer => writer.WriteStringValue(text), indented: false);

    /// <summary>The writer settings every JSON text of attribute values uses: text unescaped except where JSON requires it.</summary>
    public static JsonWriterOptions Options(bool indented) => indented ? Indented : Compact;

    internal static string Render(Action<Utf8JsonWriter> write, bool indented)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options(indented)))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void WriteMap(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, AttributeValue>> map) =>
        WriteObject(writer, map, WriteValue);

    /// <summary>A map of attributes as a JSON object, each value in the form <paramref name="writeValue"/> gives it.</summary>
    internal static void WriteObject(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, AttributeValue>> map, Action<Utf8JsonWriter, AttributeValue> writeValue)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in map)
        {
            writer.WritePropertyName(name);
            writeValue(writer, value);
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
