using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Academy.Catalog.Items;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Cli;

/// <summary>
/// The one way every --json document is written: camelCase names, enums as camelCase strings, text
/// unescaped, attribute values as DynamoDB JSON; one document per run, for scripts.
/// </summary>
public static class JsonOutput
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase), new AttributeValueConverter() },
    };

    public static void Write<T>(TextWriter output, T document) => output.WriteLine(JsonSerializer.Serialize(document, Options));

    private sealed class AttributeValueConverter : JsonConverter<AttributeValue>
    {
        public override AttributeValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("--json output is written, never read back");

        public override void Write(Utf8JsonWriter writer, AttributeValue value, JsonSerializerOptions options) =>
            DynamoJsonWriter.WriteValue(writer, value);
    }
}
