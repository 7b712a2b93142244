using System.Text.Json;
using System.Text.RegularExpressions;

namespace Academy.Catalog.Security;

/// <summary>
/// IAM policy documents for a learner's tables: what the ETL may do (read) and what the tools that
/// update configuration may do (read and write items). Only the given table ARNs, never a wildcard;
/// docs/safety.md says why each action is there.
/// </summary>
public static partial class AccessPolicies
{
    public const string Version = "2012-10-17";

    /// <summary>The read policy's resource name; a course stack prefixes it with the learner's name.</summary>
    public const string ReadPolicyName = "etl-read";

    /// <summary>The write policy's resource name; a course stack prefixes it with the learner's name.</summary>
    public const string WritePolicyName = "writer-write";

    public const string ReadSid = "ReadAcademyConfiguration";

    public const string WriteSid = "WriteAcademyConfigurationItems";

    /// <summary>What the ETL needs to read its configuration: single items, lists of jobs, the key schema.</summary>
    public static readonly IReadOnlyList<string> ReadActions =
    [
        "dynamodb:BatchGetItem",
        "dynamodb:DescribeTable",
        "dynamodb:GetItem",
        "dynamodb:Query",
        "dynamodb:Scan",
    ];

    /// <summary>Item writes only: the tables themselves belong to the Pulumi stack, so no Create/Update/DeleteTable.</summary>
    public static readonly IReadOnlyList<string> WriteActions =
    [
        "dynamodb:BatchWriteItem",
        "dynamodb:DeleteItem",
        "dynamodb:PutItem",
        "dynamodb:UpdateItem",
    ];

    /// <summary>The ETL's policy: <see cref="ReadActions"/> on exactly these tables.</summary>
    public static string ReadDocument(IReadOnlyList<string> tableArns) =>
        Document(Checked(tableArns), (ReadSid, ReadActions));

    /// <summary>
    /// The configuration tools' policy: <see cref="ReadActions"/> (they compare before they write, which
    /// keeps a second run a no-op) and <see cref="WriteActions"/> on exactly these tables.
    /// </summary>
    public static string WriteDocument(IReadOnlyList<string> tableArns) =>
        Document(Checked(tableArns), (ReadSid, ReadActions), (WriteSid, WriteActions));

    private static List<string> Checked(IReadOnlyList<string> tableArns)
    {
        ArgumentNullException.ThrowIfNull(tableArns);
        if (tableArns.Count == 0)
        {
            throw new ArgumentException("at least one table ARN is needed; a policy without resources grants nothing", nameof(tableArns));
        }

        foreach (var arn in tableArns)
        {
            if (arn is null || !TableArn().IsMatch(arn))
            {
                throw new ArgumentException(
                    $"'{arn}' is not a DynamoDB table ARN (arn:<partition>:dynamodb:<region>:<12-digit account>:table/<name>); "
                    + "index, stream and wildcard ARNs are refused", nameof(tableArns));
            }
        }

        var duplicate = tableArns.GroupBy(a => a, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"'{duplicate.Key}' is listed twice", nameof(tableArns));
        }

        // Sorted, so the document (and a preview of the policy) does not change with table order.
        return tableArns.Order(StringComparer.Ordinal).ToList();
    }

    private static string Document(List<string> resources, params (string Sid, IReadOnlyList<string> Actions)[] statements)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("Version", Version);
            writer.WriteStartArray("Statement");
            foreach (var (sid, actions) in statements)
            {
                writer.WriteStartObject();
                writer.WriteString("Sid", sid);
                writer.WriteString("Effect", "Allow");
                WriteList(writer, "Action", actions);
                WriteList(writer, "Resource", resources);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteList(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    // A table ARN and nothing more: no '*', no /index/..., no /stream/...; names follow DynamoDB's rules.
    [GeneratedRegex(@"^arn:aws(-[a-z]+)*:dynamodb:[a-z]{2}(-[a-z]+)+-\d:\d{12}:table/[A-Za-z0-9_.-]{3,255}\z")]
    private static partial Regex TableArn();
}
