using System.Text.Json;

namespace Academy.Catalog.Settings;

/// <summary>The learner's options after parsing and validation; defaults live in <see cref="ConfigKeys"/>.</summary>
public sealed record CatalogSettings
{
    public required string User { get; init; }

    /// <summary>True when <see cref="User"/> came from the stack name rather than academy:user.</summary>
    public required bool UserFromStackName { get; init; }

    /// <summary>True when academy:user is set but cannot be read (encrypted); <see cref="User"/> is then a stand-in.</summary>
    public bool UserUnreadable { get; init; }

    /// <summary>
    /// True when academy:items is set but cannot be read here (encrypted as a whole in the stack
    /// file): the items it declares are unknown, so nothing may treat live items as undeclared.
    /// </summary>
    public bool ItemsUnreadable { get; init; }

    /// <summary>
    /// The academy:* keys set as Pulumi secrets (names without the namespace): everything the
    /// program derives from them stays secret (docs/safety.md).
    /// </summary>
    public IReadOnlySet<string> SecretKeys { get; init; } = new HashSet<string>();

    public bool IsSecret(ConfigOption option) => SecretKeys.Contains(option.Name);

    public required string SeedDir { get; init; }

    /// <summary>Billing, capacities, recovery, protection, encryption and tags of every table.</summary>
    public required TableOptions TableOptions { get; init; }

    /// <summary>The academy:items object, or null when not set.</summary>
    public required JsonElement? Items { get; init; }

    /// <summary>The academy:adopt object, or null when not set; checked against the catalog by <see cref="Adopt.AdoptParser"/>.</summary>
    public JsonElement? Adopt { get; init; }

    public required bool Protect { get; init; }

    public required bool RetainOnDelete { get; init; }

    /// <summary>IAM role to attach the read policy to (academy:etlRoleName); null when not set.</summary>
    public string? EtlRoleName { get; init; }

    /// <summary>IAM user to attach the read policy to (academy:etlUserName); null when not set.</summary>
    public string? EtlUserName { get; init; }

    /// <summary>IAM role to attach the write policy to (academy:writerRoleName); null when not set.</summary>
    public string? WriterRoleName { get; init; }

    /// <summary>IAM user to attach the write policy to (academy:writerUserName); null when not set.</summary>
    public string? WriterUserName { get; init; }
}
