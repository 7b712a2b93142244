using System.Text.Json;
using Academy.Catalog.Errors;

namespace Academy.Catalog.Naming;

/// <summary>AWS tag limits, checked here so a bad tag fails before deployment, not halfway through it.</summary>
public static class TagRules
{
    public const int MaxKeyLength = 128;
    public const int MaxValueLength = 256;

    public static ErrorMessage? Check(string key, JsonElement value)
    {
        if (key.Length is 0 or > MaxKeyLength)
        {
            return $"keys are 1 to {MaxKeyLength} characters";
        }

        if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
        {
            return $"the aws: prefix is reserved by AWS";
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return $"values must be strings";
        }

        if (value.GetString()!.Length > MaxValueLength)
        {
            return $"values are at most {MaxValueLength} characters";
        }

        return null;
    }
}
