using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Academy.Catalog.Yaml;

/// <summary>
/// The YAML 1.2 core-schema typing both YAML readers share (stack files as go-yaml v3 decodes them,
/// and rosters): a quoted or !!str scalar is a string, the null and boolean words are JSON null and
/// booleans. Numbers are each reader's own business (Pulumi passes float64, the roster keeps digits).
/// </summary>
public static class YamlScalars
{
    /// <summary>Writes a string, null or boolean and returns true; false for a plain scalar that may be a number or a word.</summary>
    public static bool TryWriteStringOrKeyword(Utf8JsonWriter writer, YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any) || scalar.Tag == "tag:yaml.org,2002:str")
        {
            writer.WriteStringValue(text);
            return true;
        }

        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                writer.WriteNullValue();
                return true;
            case "true" or "True" or "TRUE":
                writer.WriteBooleanValue(true);
                return true;
            case "false" or "False" or "FALSE":
                writer.WriteBooleanValue(false);
                return true;
            default:
                return false;
        }
    }
}
