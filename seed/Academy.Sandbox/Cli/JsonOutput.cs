using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Academy.Catalog.Items;
using Academy.Sandbox.Show;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Cli;

/// <summary>
/// The one way every --json document is written: camelCase names, enums as camelCase strings, text
/// unescaped, attribute values as DynamoDB JSON (or plain JSON where wrapped in PlainValue); one document per run, for scripts.
/// </summary>
public static class JsonOutput
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = DynamoJsonWriter.Options(indented: true).Encoder,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase), new AttributeValueConverter(), new PlainValueConverter() },
    };

    public static void Write<T>(TextWriter output, T document)
    {
        // The documents are anonymous objects, which only the reflection serializer writes; the
        // native build has none (bin/academy-sandbox runs the JIT build for --json).
        if (!JsonSerializer.IsReflectionEnabledByDefault)
        {
            throw new SandboxException("error: --json needs the JIT build of academy-sandbox: run it through bin/academy-sandbox, which uses that build for --json");
        }

        output.WriteLine(JsonSerializer.Serialize(document, Options));
    }

    /// <summary>Whether the command being run takes --json and was given it, so even its failure is one document on stdout.</summary>
    public static bool Requested(ParseResult result) =>
        result.CommandResult.Command.Options.FirstOrDefault(o => o.Name == "--json") is Option<bool> json && result.GetResult(json) is not null && result.GetValue(json);

    /// <summary>The document of a run that failed: the error line it printed on stderr and its exit code.</summary>
    public static void WriteFailure(TextWriter output, string error, int exitCode) => Write(output, new { Error = error, ExitCode = exitCode });

    private sealed class AttributeValueConverter : JsonConverter<AttributeValue>
    {
        public override AttributeValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("--json output is written, never read back");

        public override void Write(Utf8JsonWriter writer, AttributeValue value, JsonSerializerOptions options) =>
            DynamoJsonWriter.WriteValue(writer, value);
    }

    private sealed class PlainValueConverter : JsonConverter<PlainValue>
    {
        public override PlainValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("--json output is written, never read back");

        public override void Write(Utf8JsonWriter writer, PlainValue value, JsonSerializerOptions options) =>
            PlainJsonWriter.WriteValue(writer, value.Value);
    }
}
