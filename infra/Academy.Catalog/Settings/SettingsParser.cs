using System.Globalization;
using System.Text.Json;
using Academy.Catalog.Errors;
using static Academy.Catalog.Errors.Shown;

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
                $"unknown key. Known keys: {Names(ConfigKeys.All.Select(o => o.Name))}");
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
                    Add(config, option, errors, $"capacities apply only with billingMode PROVISIONED; remove it or set billingMode to PROVISIONED");
                }
            }
        }

        var sse = Boolean(config, ConfigKeys.ServerSideEncryption, errors);
        var kms = Text(config, ConfigKeys.KmsKeyArn);
        if (kms.Length > 0)
        {
            if (!sse)
            {
                Add(config, ConfigKeys.KmsKeyArn, errors, $"a KMS key is used only with {Name(ConfigKeys.ServerSideEncryption.FullKey)} true");
            }
            else if (!kms.StartsWith("arn:", StringComparison.Ordinal) || !kms.Contains(":kms:", StringComparison.Ordinal))
            {
                Add(config, ConfigKeys.KmsKeyArn, errors, $"'{kms}' is not a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)");
            }
        }

        if (config.Unreadable(ConfigKeys.User.Name) is { } why)
        {
            // Without the learner name there are no table names to work on, so this is an error, not a default.
            Add(config, ConfigKeys.User, errors, $"{Words(why)}");
        }
        else if (config.Get(ConfigKeys.User.Name) is { Length: 0 } && config.Origin(ConfigKeys.User.Name) != $"config {ConfigKeys.User.FullKey}")
        {
            // An empty academy:user is Pulumi.yaml's default (the stack name); an empty --user is a mistake.
            Add(config, ConfigKeys.User, errors, $"is empty; set a learner name");
        }

        var learner = userText ?? config.StackName;
        var secretKeys = ConfigKeys.All.Where(o => config.IsSecret(o.Name)).Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var (tags, fromConfig) = MergeTags(config, learner, errors);
        return new CatalogSettings
        {
            SecretKeys = secretKeys,
            User = learner,
            UserFromStackName = userText is null,
            UserUnreadable = config.Unreadable(ConfigKeys.User.Name) is not null,
            ItemsUnreadable = config.Unreadable(ConfigKeys.Items.Name) is not null,
            SeedDir = Text(config, ConfigKeys.SeedDir),
            TableOptions = new TableOptions
            {
                BillingMode = billing,
                ReadCapacity = billing == BillingMode.Provisioned ? read : null,
                WriteCapacity = billing == BillingMode.Provisioned ? write : null,
                PointInTimeRecovery = Boolean(config, ConfigKeys.PointInTimeRecovery, errors),
                DeletionProtection = Boolean(config, ConfigKeys.DeletionProtection, errors),
                ServerSideEncryption = sse,
                KmsKeyArn = kms.Length > 0 ? kms : null,
                Tags = tags,
                SecretTags = tags.Keys.Where(k => k == Tables.DefaultTags.Learner
                        ? secretKeys.Contains(ConfigKeys.User.Name)
                        : secretKeys.Contains(ConfigKeys.Tags.Name) && fromConfig.Contains(k))
                    .ToHashSet(StringComparer.Ordinal),
                TagsSecret = secretKeys.Contains(ConfigKeys.Tags.Name),
            },
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

    // A key set with `pulumi config set --secret` is decrypted for the program: its problems name the key, never its value.
    private static void Add(IConfigSource config, ConfigOption option, ErrorList errors, ErrorMessage message) =>
        errors.Add(config.Origin(option.Name), null, message, config.IsSecret(option.Name));

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
            Add(config, option, errors, problem);
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
                Add(config, ConfigKeys.BillingMode, errors, $"'{text}' is not a billing mode; use PROVISIONED or PAY_PER_REQUEST");
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

        Add(config, option, errors, $"'{text}' is not true or false");
        return bool.Parse(option.Default);
    }

    private static int Integer(IConfigSource config, ConfigOption option, ErrorList errors)
    {
        var text = Text(config, option);
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= MaxCapacity)
        {
            return value;
        }

        Add(config, option, errors, $"'{text}' is not a whole number from 1 to {MaxCapacity}");
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
            Add(config, option, errors, problem);
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document.RootElement.Clone();
            }

            Add(config, option, errors, $"must be an object, not {Words(Json.KindName(document.RootElement))}");
        }
        catch (JsonException e) when (text.TrimStart() is { Length: > 0 } start && start[0] is '{' or '[')
        {
            Add(config, option, errors, Json.Describe(e));
        }
        catch (JsonException)
        {
            // `academy:items: hello` in a stack file: plain text, not broken JSON, so say what belongs there.
            var example = option == ConfigKeys.Items ? "{\"global\": [{\"name\": \"x\"}]}"
                : option == ConfigKeys.Adopt ? "{\"global\": [\"imdb-rest-api\"]}"
                : "{\"team\": \"data\"}";
            Add(config, option, errors, $"must be an object such as {Words(example)}, not plain text");
        }

        return null;
    }

    // The defaults count towards DynamoDB's limit as much as academy:tags does.
    private static (IReadOnlyDictionary<string, string> Tags, IReadOnlySet<string> FromConfig) MergeTags(IConfigSource config, string learner, ErrorList errors)
    {
        var extra = ParseTags(config, errors);
        var tags = Tables.DefaultTags.Merge(learner, extra);
        var defaults = tags.Keys.Where(k => k == Tables.DefaultTags.Learner || !extra.ContainsKey(k)).ToList();
        if (Naming.TagRules.CheckCount(tags.Count, tags.Count - defaults.Count, defaults) is { } problem)
        {
            Add(config, ConfigKeys.Tags, errors, problem);
        }

        return (tags, extra.Keys.ToHashSet(StringComparer.Ordinal));
    }

    private static Dictionary<string, string> ParseTags(IConfigSource config, ErrorList errors)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Object(config, ConfigKeys.Tags, errors) is not { } element)
        {
            return tags;
        }

        foreach (var property in element.EnumerateObject())
        {
            var problem = Naming.TagRules.Check(property.Name, property.Value);
            if (problem is not null)
            {
                Add(config, ConfigKeys.Tags, errors, $"tag '{Name(property.Name)}': {problem}");
            }
            else
            {
                tags[property.Name] = property.Value.GetString()!;
            }
        }

        return tags;
    }
}
