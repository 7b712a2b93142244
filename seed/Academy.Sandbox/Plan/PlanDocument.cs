using System.Text.Json.Serialization;
using Academy.Catalog.Settings;
using Academy.Catalog.Tables;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Plan;

/// <summary>`plan --json`: the learner's tables with their options and every item in DynamoDB JSON, secrets masked.</summary>
public sealed record PlanDocument(string User, string Config, IReadOnlyList<PlanTable> Tables, IReadOnlyList<PlanItem> Items)
{
    public static PlanDocument Of(Academy.Catalog.Catalog catalog, string configSource) => new(
        catalog.Settings.User,
        configSource,
        catalog.Tables.Select(PlanTable.Of).ToList(),
        catalog.Items.Select(item =>
        {
            var table = catalog.Table(item.TableKey);
            return new PlanItem(item.TableKey, table.Name, item.Key.ToString(), item.LogicalName, item.Source, item.Secret, item.SizeBytes, Masking.Printable(item, table));
        }).ToList());
}

/// <summary>One table of a plan; options a table does not use are left out rather than written as null.</summary>
public sealed record PlanTable(
    string Key,
    string Name,
    KeyAttribute HashKey,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] KeyAttribute? RangeKey,
    string BillingMode,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ReadCapacity,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? WriteCapacity,
    bool PointInTimeRecovery,
    bool DeletionProtection,
    bool ServerSideEncryption,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? KmsKeyArn,
    IReadOnlyDictionary<string, string> Tags)
{
    public static PlanTable Of(TableSpec table) => new(
        table.Key, table.Name, table.HashKey, table.RangeKey, table.Options.BillingMode.ToApiName(), table.Options.ReadCapacity, table.Options.WriteCapacity,
        table.Options.PointInTimeRecovery, table.Options.DeletionProtection, table.Options.ServerSideEncryption, table.Options.KmsKeyArn, Masking.Tags(table.Options));
}

/// <summary>One item of a plan, as the Pulumi program declares it.</summary>
public sealed record PlanItem(
    string Table,
    string TableName,
    string Key,
    string LogicalName,
    string Source,
    bool Secret,
    int SizeBytes,
    IReadOnlyDictionary<string, AttributeValue> Item);
