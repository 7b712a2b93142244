namespace Academy.Catalog.Settings;

public enum ConfigType
{
    String,
    Boolean,
    Integer,
    Object,
}

/// <summary>
/// One <c>academy:*</c> stack config key: its type, default (as config text; objects as JSON) and
/// what it is for. Every key has a default, because Pulumi refuses to run a stack that does not set
/// a key Pulumi.yaml declares without one.
/// </summary>
public sealed record ConfigOption(string Name, ConfigType Type, string Default, string Description, bool Secret = false)
{
    public string FullKey => $"{ConfigKeys.Namespace}:{Name}";
}
