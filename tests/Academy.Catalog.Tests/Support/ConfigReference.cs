using Academy.Catalog.Settings;

namespace Academy.Catalog.Tests.Support;

/// <summary>
/// How Pulumi.yaml and docs/configuration.md spell a <see cref="ConfigKeys"/> entry, so a
/// failing test can print the exact text to paste.
/// </summary>
public static class ConfigReference
{
    /// <summary>Pulumi.yaml's type for the key; null for objects, which its type enum lacks.</summary>
    public static string? YamlType(ConfigOption option) => option.Type switch
    {
        ConfigType.String => "string",
        ConfigType.Boolean => "boolean",
        ConfigType.Integer => "integer",
        _ => null,
    };

    public static string DocRow(ConfigOption option)
    {
        var value = option.Default.Length == 0 ? "\"\"" : option.Default;
        return $"| `{option.FullKey}` | {option.Type.ToString().ToLowerInvariant()} | `{value}` | {option.Description} |";
    }
}
