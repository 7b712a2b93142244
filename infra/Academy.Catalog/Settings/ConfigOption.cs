namespace Academy.Catalog.Settings;

public enum ConfigType
{
    String,
    Boolean,
    Integer,
    Object,
}

/// <summary>One <c>academy:*</c> stack config key: its type, default and what it is for.</summary>
public sealed record ConfigOption(string Name, ConfigType Type, string? Default, string Description, bool Secret = false)
{
    public string FullKey => $"{ConfigKeys.Namespace}:{Name}";
}
