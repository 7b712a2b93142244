using System.Text.Json;
using System.Text.Json.Serialization;
using Academy.Sandbox.Cli;

namespace Academy.Sandbox.Adopt;

/// <summary>`adopt --json`: the findings for scripts, and the config in the forms Pulumi and its tests take.</summary>
public static class AdoptJson
{
    public static void Write(AdoptReport report, string? stackFile, TextWriter output)
    {
        var config = report.Config.ToJson();
        JsonOutput.Write(output, new
        {
            report.User,
            report.Ready,
            report.Blocking,
            Adopt = new AsPulumiHandsIt(config),
            PulumiConfig = new Dictionary<string, string> { [AdoptConfig.FullKey] = config },
            WrittenTo = stackFile,
            Tables = report.Tables.Select(table => new
            {
                Table = table.Table.Key,
                table.Table.Name,
                table.Exists,
                table.KeysMatch,
                Import = table.Listed,
                Differences = table.SettingDifferences.Select(d => d.Text),
                table.Notes,
                Items = table.Items.Select(item => new { Item = item.Item.LogicalName, item.State, Import = item.Listed, item.Differences }),
                table.Undeclared,
            }),
        });
    }

    // The value exactly as Pulumi hands it to the program (compact, keys sorted), inside the indented document.
    [JsonConverter(typeof(Converter))]
    private sealed record AsPulumiHandsIt(string Json)
    {
        private sealed class Converter : JsonConverter<AsPulumiHandsIt>
        {
            public override AsPulumiHandsIt Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
                throw new NotSupportedException("--json output is written, never read back");

            public override void Write(Utf8JsonWriter writer, AsPulumiHandsIt value, JsonSerializerOptions options) =>
                writer.WriteRawValue(value.Json);
        }
    }
}
