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

    /// <summary>A buffer larger than this (an item near the 400 KB limit) is not kept for the next text.</summary>
    private const int MaxKeptBufferBytes = 256 * 1024;

    // Every declared item's JSON is written on each run (the Pulumi program writes one per TableItem),
    // so each thread keeps one buffer and its writers instead of allocating them per text.
    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>One value, compact: {"S": "..."}; what messages show of a value.</summary>
    public static string Write(AttributeValue value) => Render(value, static (writer, v) => WriteValue(writer, v), indented: false);

    /// <summary>A whole item: compact on one line, or indented for a file a person reads.</summary>
    public static string Write(IReadOnlyDictionary<string, AttributeValue> item, bool indented = false) =>
        Render(item, static (writer, i) => WriteMap(writer, i), indented);

    /// <summary>Text as a JSON string literal, escaped as every JSON text here (no reflection, so the native build has it too).</summary>
    public static string Quote(string text) => Render(text, static (writer, t) => writer.WriteStringValue(t), indented: false);

    /// <summary>The writer settings every JSON text of attribute values uses: text unescaped except where JSON requires it.</summary>
    public static JsonWriterOptions Options(bool indented) => indented ? Indented : Compact;

    internal static string Render(Action<Utf8JsonWriter> write, bool indented) =>
        Render(write, static (writer, w) => w(writer), indented);

    internal static string Render<TState>(TState state, Action<Utf8JsonWriter, TState> write, bool indented)
    {
        // Taken off the thread while in use, so a text rendered inside another gets its own; after
        // an exception it is not put back (its writer may be mid-document).
        var scratch = t_scratch ?? new Scratch();
        t_scratch = null;
        var writer = scratch.Start(indented);
        write(writer, state);
        writer.Flush();
        var text = Encoding.UTF8.GetString(scratch.Buffer.WrittenSpan);
        if (scratch.Buffer.Capacity <= MaxKeptBufferBytes)
        {
            t_scratch = scratch;
        }

        return text;
    }

    public static void WriteMap(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, AttributeValue>> map) =>
        WriteObject(writer, map, WriteValue);

    /// <summary>A map of attributes as a JSON object, each value in the form <paramref name="writeValue"/> gives it.</summary>
    internal static void WriteObject(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, AttributeValue>> map, Action<Utf8JsonWriter, AttributeValue> writeValue)
    {
        writer.WriteStartObject();
        // A dictionary's own enumerator is a struct; through the interface it is an object per map.
        if (map is Dictionary<string, AttributeValue> dictionary)
        {
            foreach (var (name, value) in dictionary)
            {
                Property(name, value);
            }
        }
        else
        {
            foreach (var (name, value) in map)
            {
                Property(name, value);
            }
        }

        writer.WriteEndObject();

        void Property(string name, AttributeValue value)
        {
            writer.WritePropertyName(name);
            writeValue(writer, value);
        }
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

    /// <summary>A buffer and a writer of each kind, reset for every text.</summary>
    private sealed class Scratch
    {
        private Utf8JsonWriter? _compact;
        private Utf8JsonWriter? _indented;

        public ArrayBufferWriter<byte> Buffer { get; } = new(1024);

        public Utf8JsonWriter Start(bool indented)
        {
            Buffer.ResetWrittenCount();
            ref var writer = ref indented ? ref _indented : ref _compact;
            if (writer is null)
            {
                writer = new Utf8JsonWriter(Buffer, Options(indented));
            }
            else
            {
                writer.Reset(Buffer);
            }

            return writer;
        }
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
