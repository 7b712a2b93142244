using Academy.Catalog.Settings;

namespace Academy.Catalog.Tables;

/// <summary>One learner table with every option resolved: what the program declares and the sandbox creates.</summary>
public sealed record TableSpec
{
    /// <summary>The short name used in seed files and config: global, jobs.</summary>
    public required string Key { get; init; }

    public required string Name { get; init; }

    public required KeyAttribute HashKey { get; init; }

    public required KeyAttribute? RangeKey { get; init; }

    public IReadOnlyList<KeyAttribute> AttributeDefinitions => RangeKey is null ? [HashKey] : [HashKey, RangeKey];

    public required BillingMode BillingMode { get; init; }

    public required int? ReadCapacity { get; init; }

    public required int? WriteCapacity { get; init; }

    public required bool PointInTimeRecovery { get; init; }

    public required bool DeletionProtection { get; init; }

    public required bool ServerSideEncryption { get; init; }

    public required string? KmsKeyArn { get; init; }

    public required IReadOnlyDictionary<string, string> Tags { get; init; }
}
