using System.Text.Encodings.Web;
using System.Text.Json;

namespace Academy.Sandbox.Adopt;

/// <summary>`adopt --json`: the findings for scripts, and the config in the forms Pulumi and its tests take.</summary>
public static class AdoptJson
{
    public static void Write(AdoptReport report, string? stackFile, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var config = report.Config.ToJson();
            writer.WriteStartObject();
            writer.WriteString("user", report.User);
            writer.WriteBoolean("ready", report.Ready);
            writer.WriteNumber("blocking", report.Blocking);
            writer.WritePropertyName("adopt");
            writer.WriteRawValue(config);
            writer.WriteStartObject("pulumiConfig");
            writer.WriteString(AdoptConfig.FullKey, config);
            writer.WriteEndObject();
            writer.WriteString("writtenTo", stackFile);
            writer.WriteStartArray("tables");
            foreach (var table in report.Tables)
            {
                writer.WriteStartObject();
                writer.WriteString("table", table.Table.Key);
                writer.WriteString("name", table.Table.Name);
                writer.WriteBoolean("exists", table.Exists);
                writer.WriteBoolean("keysMatch", table.KeysMatch);
                writer.WriteBoolean("import", table.Listed);
                writer.WriteStartArray("differences");
                foreach (var difference in table.SettingDifferences)
                {
                    writer.WriteStringValue(difference.Text);
                }

                writer.WriteEndArray();
                writer.WriteStartArray("notes");
                foreach (var note in table.Notes)
                {
                    writer.WriteStringValue(note);
                }

                writer.WriteEndArray();
                writer.WriteStartArray("items");
                foreach (var item in table.Items)
                {
                    writer.WriteStartObject();
                    writer.WriteString("item", item.Item.LogicalName);
                    writer.WriteString("state", JsonNamingPolicy.CamelCase.ConvertName(item.State.ToString()));
                    writer.WriteBoolean("import", item.Listed);
                    writer.WriteStartArray("differences");
                    foreach (var line in item.Differences)
                    {
                        writer.WriteStringValue(line);
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteStartArray("undeclared");
                foreach (var key in table.Undeclared)
                {
                    writer.WriteStringValue(key);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
