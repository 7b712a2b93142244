namespace Academy.Catalog.Settings;

/// <summary>
/// The options every learner table is declared with, parsed once from config: the settings hold
/// them and each <see cref="Tables.TableSpec"/> refers to them, so no layer copies them field by field.
/// </summary>
public sealed record TableOptions
{
    public required BillingMode BillingMode { get; init; }

    /// <summary>Null with PAY_PER_REQUEST, where capacities do not apply.</summary>
    public required int? ReadCapacity { get; init; }

    public required int? WriteCapacity { get; init; }

    public required bool PointInTimeRecovery { get; init; }

    public required bool DeletionProtection { get; init; }

    public required bool ServerSideEncryption { get; init; }

    public required string? KmsKeyArn { get; init; }

    /// <summary>The default tags with academy:tags on top (<see cref="Tables.DefaultTags.Merge"/>); also the IAM policies' tags.</summary>
    public required IReadOnlyDictionary<string, string> Tags { get; init; }

    /// <summary>
    /// The tags whose values came from a secret config key: academy:tags set with --secret (all of
    /// its tags: Pulumi makes the whole key secret), and learner when academy:user is secret.
    /// </summary>
    public IReadOnlySet<string> SecretTags { get; init; } = new HashSet<string>();

    /// <summary>True when academy:tags is secret: it may also hold tags the sandbox cannot decrypt and leaves out.</summary>
    public bool TagsSecret { get; init; }
}
