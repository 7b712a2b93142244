using System.Text.Json;
using Academy.Catalog.Errors;

namespace Academy.Catalog.Tables;

/// <summary>
/// Reads table definitions in the CloudFormation shape the course material uses (AttributeDefinitions
/// and KeySchema, optionally wrapped in Type/Properties), and rejects what DynamoDB would reject.
/// </summary>
public static class TableDefinitionParser
{
    // DynamoDB's own words for the course material's mistake, so learners can search for them.
    public const string DynamoDbKeySchemaMessage =
        "One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions";

    private static readonly string[] ScalarTypes = ["S", "N", "B"];

    private static readonly Dictionary<string, string> DerivedProperties = new(StringComparer.Ordinal)
    {
        ["TableName"] = "the name is derived as <user>-academy-<table> from academy:user; remove TableName",
        ["BillingMode"] = "set academy:billingMode in stack config instead",
        ["ProvisionedThroughput"] = "set academy:readCapacity and academy:writeCapacity in stack config instead",
        ["PointInTimeRecoverySpecification"] = "set academy:pointInTimeRecovery in stack config instead",
        ["DeletionProtectionEnabled"] = "set academy:deletionProtection in stack config instead",
        ["SSESpecification"] = "set academy:serverSideEncryption and academy:kmsKeyArn in stack config instead",
        ["Tags"] = "set academy:tags in stack config instead",
    };

    /// <param name="rejected">Tables that are declared but invalid, so their items are not reported again as orphans.</param>
    public static IReadOnlyList<TableDefinition> Parse(string json, string source, ErrorList errors, out IReadOnlySet<string> rejected)
    {
        var failed = new HashSet<string>(StringComparer.Ordinal);
        rejected = failed;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            errors.Add(source, null, Json.Describe(e));
            return [];
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add(source, null, $"must be an object of table name to definition, not {Json.KindName(document.RootElement)}");
                return [];
            }

            var tables = new List<TableDefinition>();
            foreach (var table in document.RootElement.EnumerateObject())
            {
                if (ParseTable(table.Name, table.Value, source, errors) is { } definition)
                {
                    tables.Add(definition);
                }
                else
                {
                    failed.Add(table.Name);
                }
            }

            if (tables.Count == 0 && failed.Count == 0)
            {
                errors.Add(source, null, "declares no tables");
            }

            return tables;
        }
    }

    private static TableDefinition? ParseTable(string key, JsonElement element, string source, ErrorList errors)
    {
        var item = $"table {key}";
        if (key.Length == 0 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
        {
            // Reported here, not as a bad learner name: the key is what the learner would have to change.
            errors.Add(source, item, $"'{key}' cannot name a table: the key becomes part of <user>-academy-<key>, so use only a-z, A-Z, 0-9, '_', '-' and '.'");
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(source, item, $"must be an object, not {Json.KindName(element)}");
            return null;
        }

        // Accept a whole CloudFormation resource as well as its Properties.
        if (element.TryGetProperty("Properties", out var properties))
        {
            if (element.TryGetProperty("Type", out var type) && type.ValueKind == JsonValueKind.String
                && type.GetString() != "AWS::DynamoDB::Table")
            {
                errors.Add(source, item, $"Type '{type.GetString()}' is not AWS::DynamoDB::Table");
                return null;
            }

            element = properties;
        }

        var before = errors.Count;
        foreach (var property in element.EnumerateObject())
        {
            if (DerivedProperties.TryGetValue(property.Name, out var hint))
            {
                errors.Add(source, item, $"{property.Name} is not read from table definitions: {hint}");
            }
            else if (property.Name is not ("AttributeDefinitions" or "KeySchema"))
            {
                errors.Add(source, item, $"{property.Name} is not supported; a table definition holds AttributeDefinitions and KeySchema");
            }
        }

        var definitions = ParseAttributeDefinitions(element, source, item, errors);
        var keys = ParseKeySchema(element, source, item, errors);
        if (errors.Count > before || keys.Hash is null)
        {
            return null;
        }

        var keyNames = new[] { keys.Hash, keys.Range }.OfType<string>().ToArray();
        foreach (var name in keyNames.Where(n => !definitions.ContainsKey(n)))
        {
            errors.Add(source, item, $"key attribute '{name}' has no entry in AttributeDefinitions; add {{\"AttributeName\": \"{name}\", \"AttributeType\": \"S\"}}");
        }

        var extra = definitions.Keys.Where(n => !keyNames.Contains(n)).ToArray();
        if (extra.Length > 0)
        {
            errors.Add(source, item,
                $"AttributeDefinitions lists {string.Join(", ", extra)}, which {(extra.Length == 1 ? "is" : "are")} not in KeySchema. "
                + $"DynamoDB rejects this with \"{DynamoDbKeySchemaMessage}\". "
                + $"Define only key attributes ({string.Join(", ", keyNames)}); every other attribute is free-form and is set by the items themselves.");
        }

        if (errors.Count > before)
        {
            return null;
        }

        return new TableDefinition(
            key,
            new KeyAttribute(keys.Hash, definitions[keys.Hash]),
            keys.Range is null ? null : new KeyAttribute(keys.Range, definitions[keys.Range]));
    }

    private static Dictionary<string, string> ParseAttributeDefinitions(JsonElement table, string source, string item, ErrorList errors)
    {
        var definitions = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!table.TryGetProperty("AttributeDefinitions", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            errors.Add(source, item, "AttributeDefinitions must be a list of {AttributeName, AttributeType}");
            return definitions;
        }

        foreach (var entry in list.EnumerateArray())
        {
            var name = StringProperty(entry, "AttributeName");
            var type = StringProperty(entry, "AttributeType");
            if (string.IsNullOrEmpty(name) || type is null || !ScalarTypes.Contains(type))
            {
                errors.Add(source, item, $"AttributeDefinitions entry {entry.GetRawText()} needs a non-empty AttributeName and an AttributeType of S, N or B");
            }
            else if (!definitions.TryAdd(name, type))
            {
                errors.Add(source, item, $"AttributeDefinitions lists '{name}' twice");
            }
        }

        return definitions;
    }

    private static (string? Hash, string? Range) ParseKeySchema(JsonElement table, string source, string item, ErrorList errors)
    {
        if (!table.TryGetProperty("KeySchema", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            errors.Add(source, item, "KeySchema must be a list of {AttributeName, KeyType}");
            return (null, null);
        }

        string? hash = null, range = null;
        foreach (var entry in list.EnumerateArray())
        {
            var name = StringProperty(entry, "AttributeName");
            var type = StringProperty(entry, "KeyType");
            if (string.IsNullOrEmpty(name) || type is not ("HASH" or "RANGE"))
            {
                errors.Add(source, item, $"KeySchema entry {entry.GetRawText()} needs a non-empty AttributeName and a KeyType of HASH or RANGE");
            }
            else if (type == "HASH" && hash is null)
            {
                hash = name;
            }
            else if (type == "RANGE" && range is null)
            {
                range = name;
            }
            else
            {
                errors.Add(source, item, $"KeySchema has more than one {type} key");
            }
        }

        if (hash is null && range is not null)
        {
            errors.Add(source, item, "KeySchema has a RANGE key but no HASH key");
        }
        else if (hash is null)
        {
            errors.Add(source, item, "KeySchema needs exactly one HASH key");
        }

        return (hash, range);
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
