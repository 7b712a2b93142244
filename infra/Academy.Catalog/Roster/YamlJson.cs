using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Academy.Catalog.Items;
using Academy.Catalog.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Academy.Catalog.Roster;

/// <summary>
/// A roster value as the JSON text a config value would be. Plain scalars are typed as YAML's core
/// schema types them (null, true/false, numbers); numbers keep every digit as written, since the
/// roster is read by the program itself and never passes through Pulumi's float64 config.
/// </summary>
internal static partial class YamlJson
{
    /// <summary>The JSON text of <paramref name="node"/>, or null after reporting why it has none.</summary>
    public static string? Convert(YamlNode node, Action<int, string> report)
    {
        var buffer = new MemoryStream();
        var ok = true;
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, node, (line, message) =>
            {
                ok = false;
                report(line, message);
            });
        }

        return ok ? Encoding.UTF8.GetString(buffer.ToArray()) : null;
    }

    private static void Write(Utf8JsonWriter writer, YamlNode node, Action<int, string> report)
    {
        switch (node)
        {
            case YamlMappingNode map:
                writer.WriteStartObject();
                foreach (var (key, value) in map.Children)
                {
                    if (key is not YamlScalarNode { Value: { } name })
                    {
                        report((int)key.Start.Line, "a key must be plain text, not a list or mapping");
                        continue;
                    }

                    writer.WritePropertyName(name);
                    Write(writer, value, report);
                }

                writer.WriteEndObject();
                break;
            case YamlSequenceNode list:
                writer.WriteStartArray();
                foreach (var child in list.Children)
                {
                    Write(writer, child, report);
                }

                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                WriteScalar(writer, scalar, report);
                break;
            default:
                report((int)node.Start.Line, "unsupported YAML node");
                writer.WriteNullValue();
                break;
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, YamlScalarNode scalar, Action<int, string> report)
    {
        if (YamlScalars.TryWriteStringOrKeyword(writer, scalar))
        {
            return;
        }

        var text = scalar.Value ?? "";

        if (NumberText.IsJson(text))
        {
            writer.WriteRawValue(text);
        }
        else if (OtherYamlNumber().IsMatch(text))
        {
            report((int)scalar.Start.Line,
                $"'{text}' is a number to YAML but not written as JSON writes numbers; write it in plain decimal (such as 10, -2.5 or 1e3), or quote it for a string");
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(text);
        }
    }


    // YAML 1.2 core schema numbers (and the 1.1 spellings with _ and a leading +) that JSON writes otherwise.
    [GeneratedRegex(@"^([-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))\z")]
    private static partial Regex OtherYamlNumber();
}
