using System.Collections.Immutable;
using Academy.Catalog.Lifecycle;
using Academy.Catalog.Settings;
using Pulumi;
using DynamoDB = Pulumi.Aws.DynamoDB;
using LearnerCatalog = Academy.Catalog.Catalog;

namespace Academy.Infra.Benchmarks;

/// <summary>One table as plain values: what a hand-written program would spell out in its TableArgs.</summary>
internal sealed record RawTable(
    string LogicalName,
    string Name,
    string BillingMode,
    string HashKey,
    string? RangeKey,
    IReadOnlyList<(string Name, string Type)> Attributes,
    int? ReadCapacity,
    int? WriteCapacity,
    bool PointInTimeRecovery,
    bool DeletionProtection,
    bool ServerSideEncryption,
    string? KmsKeyArn,
    ImmutableDictionary<string, string> Tags,
    bool Protect,
    bool RetainOnDelete);

/// <summary>One item as plain values: its resource name, its table's resource name and its DynamoDB JSON, ready.</summary>
internal sealed record RawItem(string LogicalName, string Table, string? RangeKey, string Json, bool RetainOnDelete);

/// <summary>
/// What the raw program declares, worked out before any timed run from the same catalog the program
/// reads: inside the run, the raw program only copies these values into resources.
/// </summary>
internal sealed record RawPlan(IReadOnlyList<RawTable> Tables, IReadOnlyList<RawItem> Items)
{
    /// <summary>
    /// The program's tables and items as plain values. Only the plain case is supported (no secrets,
    /// no adopt): the benchmark's catalog has none, and the raw program would need the program's
    /// own logic to follow them.
    /// </summary>
    public static RawPlan From(LearnerCatalog catalog)
    {
        if (catalog.Settings.SecretKeys.Count > 0 || catalog.Items.Any(i => i.Secret) || !ReferenceEquals(catalog.Adopt, Academy.Catalog.Adopt.AdoptPlan.None))
        {
            throw new InvalidOperationException("the raw program declares plain tables and items only: no secret config, no adopt");
        }

        var tables = catalog.Tables.Select(spec =>
        {
            var lifecycle = ResourceLifecycle.Of(catalog, spec);
            var options = spec.Options;
            return new RawTable(
                spec.Key, spec.Name, options.BillingMode.ToApiName(), spec.HashKey.Name, spec.RangeKey?.Name,
                spec.AttributeDefinitions.Select(a => (a.Name, a.Type)).ToList(),
                options.ReadCapacity, options.WriteCapacity, options.PointInTimeRecovery, options.DeletionProtection,
                options.ServerSideEncryption, options.KmsKeyArn, options.Tags.ToImmutableDictionary(StringComparer.Ordinal),
                lifecycle.Protect, lifecycle.RetainOnDelete);
        }).ToList();
        var items = catalog.Items.Select(item => new RawItem(
            item.LogicalName, item.TableKey, catalog.Table(item.TableKey).RangeKey?.Name, item.ToDynamoJson(),
            ResourceLifecycle.Of(catalog, item).RetainOnDelete)).ToList();
        return new RawPlan(tables, items);
    }
}

/// <summary>
/// The raw program: a stack that declares exactly the program's tables and items (same resource
/// names, inputs and options) from a <see cref="RawPlan"/>, with no catalog code, no component, no
/// stack outputs. Parameterless like <see cref="AcademyStack"/>, so it runs the same way; the plan is
/// handed over through <see cref="Plan"/>.
/// </summary>
internal sealed class RawStack : Stack
{
    public RawStack()
    {
        var plan = Plan ?? throw new InvalidOperationException("set RawStack.Plan first");
        var tables = new Dictionary<string, DynamoDB.Table>(StringComparer.Ordinal);
        foreach (var t in plan.Tables)
        {
            var args = new DynamoDB.TableArgs
            {
                Name = t.Name,
                BillingMode = t.BillingMode,
                HashKey = t.HashKey,
                Attributes = t.Attributes.Select(a => new DynamoDB.Inputs.TableAttributeArgs { Name = a.Name, Type = a.Type }).ToList(),
                PointInTimeRecovery = new DynamoDB.Inputs.TablePointInTimeRecoveryArgs { Enabled = t.PointInTimeRecovery },
                DeletionProtectionEnabled = t.DeletionProtection,
                Tags = t.Tags,
            };
            if (t.RangeKey is { } range)
            {
                args.RangeKey = range;
            }

            if (t.ReadCapacity is { } read)
            {
                args.ReadCapacity = read;
            }

            if (t.WriteCapacity is { } write)
            {
                args.WriteCapacity = write;
            }

            if (t.ServerSideEncryption)
            {
                var encryption = new DynamoDB.Inputs.TableServerSideEncryptionArgs { Enabled = true };
                if (t.KmsKeyArn is { } kms)
                {
                    encryption.KmsKeyArn = kms;
                }

                args.ServerSideEncryption = encryption;
            }

            tables[t.LogicalName] = new DynamoDB.Table(t.LogicalName, args, new CustomResourceOptions
            {
                Protect = t.Protect,
                RetainOnDelete = t.RetainOnDelete,
                DeleteBeforeReplace = true,
            });
        }

        foreach (var item in plan.Items)
        {
            var table = tables[item.Table];
            var args = new DynamoDB.TableItemArgs { TableName = table.Name, HashKey = table.HashKey, Item = item.Json };
            if (item.RangeKey is { } range)
            {
                args.RangeKey = range;
            }

            _ = new DynamoDB.TableItem(item.LogicalName, args, new CustomResourceOptions
            {
                RetainOnDelete = item.RetainOnDelete,
                DeleteBeforeReplace = true,
                DeletedWith = table,
            });
        }
    }

    public static RawPlan? Plan { get; set; }
}
