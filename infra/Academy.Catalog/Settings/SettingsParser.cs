using System.Globalization;
using System.Text.Json;
using Academy.Catalog.Errors;

namespace Academy.Catalog.Settings;

/// <summary>Turns raw <c>academy:*</c> config text into <see cref="CatalogSettings"/>, reporting every bad key.</summary>
public static class SettingsParser
{
    // DynamoDB's per-table ceiling for provisioned capacity in most regions.
    private const int MaxCapacity = 40_000;

    public static CatalogSettings Parse(IConfigSource config, ErrorList errors)
    {
        foreach (var name in config.Names.Where(n => ConfigKeys.Find(n) is null).Order(StringComparer.Ordinal))
        {
            errors.Add($"config {ConfigKeys.Namespace}:{name}", null,
                $"unknown key. Known keys: {string.Join(", ", ConfigKeys.All.Select(o => o.Name))}");
        }

        // Empty is Pulumi.yaml's default for academy:user and means the stack name.
        var userText = config.Get(ConfigKeys.User.Name) is { Length: > 0 } user ? user : null;
        var billing = ParseBilling(config, errors);
        var read = Integer(config, ConfigKeys.ReadCapacity, errors);
        var write = Integer(config, ConfigKeys.WriteCapacity, errors);
        if (billing == BillingMode.PayPerRequest)
        {
            // Pulumi hands the program Pulumi.yaml's defaults as if set, so only a changed value is a mistake.
            foreach (var option in new[] { ConfigKeys.ReadCapacity, ConfigKeys.WriteCapacity })
            {
                if (Text(config, option) != option.Default)
                {
                    errors.Add($"config {option.FullKey}", null,
                        "capacities apply only with billingMode PROVISIONED; remove it or set billingMode to PROVISIONED");
                }
            }
        }

        var sse = Boolean(config, ConfigKeys.ServerSideEncryption, errors);
        var kms = Text(config, ConfigKeys.KmsKeyArn);
        if (kms.Length > 0)
        {
            if (!sse)
            {
                errors.Add($"config {ConfigKeys.KmsKeyArn.FullKey}", null,
                    $"a KMS key is used only with {ConfigKeys.ServerSideEncryption.FullKey} true");
            }
            else if (!kms.StartsWith("arn:", StringComparison.Ordinal) || !kms.Contains(":kms:", StringComparison.Ordinal))
            {
                errors.Add($"config {ConfigKeys.KmsKeyArn.FullKey}", null,
                    $"'{kms}' is not a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)");
            }
        }

        return new CatalogSettings
        {
            User = userText ?? config.StackName,
            UserFromStackName = userText is null,
            SeedDir = Text(config, ConfigKeys.SeedDir),
            BillingMode = billing,
            ReadCapacity = billing == BillingMode.Provisioned ? read : null,
            WriteCapacity = billing == BillingMode.Provisioned ? write : null,
            PointInTimeRecovery = Boolean(config, ConfigKeys.PointInTimeRecovery, errors),
            DeletionProtection = Boolean(config, ConfigKeys.DeletionProtection, errors),
            ServerSideEncryption = sse,
            KmsKeyArn = kms.Length > 0 ? kms : null,
            ExtraTags = ParseTags(config, errors),
            Items = Object(config, ConfigKeys.Items, errors),
            Adopt = Object(config, ConfigKeys.Adopt, errors),
            Protect = Boolean(config, ConfigKeys.Protect, errors),
            RetainOnDelete = Boolean(config, ConfigKeys.RetainOnDelete, errors),
            EtlRoleName = Principal(config, ConfigKeys.EtlRoleName, "role", errors),
            EtlUserName = Principal(config, ConfigKeys.EtlUserName, "user", errors),
            WriterRoleName = Principal(config, ConfigKeys.WriterRoleName, "role", errors),
            WriterUserName = Principal(config, ConfigKeys.WriterUserName, "user", errors),
        };
    }

    private static string Text(IConfigSource config, ConfigOption option) =>
        config.Get(option.Name) ?? option.Default;

    // An IAM role or user name to attach a policy to; empty means "only output the document".
    private static string? Principal(IConfigSource config, ConfigOption option, string kind, ErrorList errors)
    {
        var text = Text(config, option);
        if (text.Length == 0)
        {
            return null;
        }

        if (Security.IamNames.Check(text, kind) is { } problem)
        {
            errors.Add($"config {option.FullKey}", null, problem);
            return null;
        }

        return text;
    }

    private static BillingMode ParseBilling(IConfigSource config, ErrorList errors)
    {
        var text = Text(config, ConfigKeys.BillingMode);
        switch (text)
        {
            case "PROVISIONED":
                return BillingMode.Provisioned;
            case "PAY_PER_REQUEST":
                return BillingMode.PayPerRequest;
            default:
                errors.Add($"config {ConfigKeys.BillingMode.FullKey}", null,
                    $"'{text}' is not a billing mode; use PROVISIONED or PAY_PER_REQUEST");
                return BillingMode.Provisioned;
        }
    }

    private static bool Boolean(IConfigSource config, ConfigOption option, ErrorList errors)
    {
        var text = Text(config, option);
        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        errors.Add($"config {option.FullKey}", null, $"'{text}' is not true or false");
        return bool.Parse(option.Default);
    }

    private static int Integer(IConfigSource config, ConfigOption option, ErrorList errors)
    {
        var text = Text(config, option);
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= MaxCapacity)
        {
            return value;
        }

        errors.Add($"config {option.FullKey}", null, $"'{text}' is not a whole number from 1 to {MaxCapacity}");
        return int.Parse(option.Default, CultureInfo.InvariantCulture);
    }

    private static JsonElement? Object(IConfigSource config, ConfigOption option, ErrorList errors)
    {
        var text = config.Get(option.Name);
        if (text is null)
        {
            return null;
        }

        if (JsonFile.TextProblem(text) is { } problem)
        {
            errors.Add($"config {option.FullKey}", null, problem);
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document.RootElement.Clone();
            }

            errors.Add($"config {option.FullKey}", null, $"must be an object, not {Json.KindName(document.RootElement)}");
        }
        catch (JsonException e)
        {
            // A bare word (academy:items: hello) is not a JSON mistake but the wrong kind of value.
            errors.Add($"config {option.FullKey}", null, text.TrimStart().StartsWith('{') || text.TrimStart().StartsWith('[')
                ? Json.Describe(e)
                : "must be an object (a YAML map in the stack file, or JSON text such as '{\"key\": ...}' with `pulumi config set`), not plain text");
        }

        return null;
    }

    private static Dictionary<string, string> ParseTags(IConfigSource config, ErrorList errors)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Object(config, ConfigKeys.Tags, errors) is not { } element)
        {
            return tags;
        }

        var source = $"config {ConfigKeys.Tags.FullKey}";
        foreach (var property in element.EnumerateObject())
        {
            var problem = Naming.TagRules.Check(property.Name, property.Value);
            if (problem is not null)
            {
                errors.Add(source, null, $"tag '{property.Name}': {problem}");
            }
            else
            {
                tags[property.Name] = property.Value.GetString()!;
            }
        }

        return tags;
    }
}
