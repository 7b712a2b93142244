using Academy.Sandbox.Compare;

namespace Academy.Sandbox.Verify;

/// <summary>How an item stands against the catalog.</summary>
public enum ItemState
{
    /// <summary>Declared, not in the table.</summary>
    Missing,

    /// <summary>In both, with attributes that differ.</summary>
    Differs,

    /// <summary>In the table, not declared.</summary>
    Extra,

    /// <summary>Declared from a Pulumi secret, not in the table: the sandbox never writes ciphertext, so not drift.</summary>
    Skipped,
}

/// <summary>One item that is not as the catalog declares it.</summary>
public sealed record ItemDrift(ItemState State, string Item, string? Source, bool Secret, IReadOnlyList<AttributeDifference> Attributes);

/// <summary>One table: its settings that differ, and its items that differ (items are not compared when its keys differ).</summary>
public sealed record TableVerdict(
    string Key,
    string Name,
    bool Exists,
    bool KeysDiffer,
    IReadOnlyList<string> Settings,
    int Declared,
    int Live,
    int Matching,
    IReadOnlyList<ItemDrift> Items)
{
    /// <summary>Secret items left to `pulumi up`; listed, never counted as drift.</summary>
    public IReadOnlyList<ItemDrift> Skipped { get; init; } = [];

    public int Drift => (Exists ? 0 : 1) + Settings.Count + Items.Count;
}

/// <summary>Everything `verify` found; <see cref="Drift"/> 0 means in step.</summary>
public sealed record VerifyReport(string User, string Target, IReadOnlyList<TableVerdict> Tables)
{
    /// <summary>True when academy:items could not be read here, so `up --prune` is refused and never suggested.</summary>
    public bool PruneRefused { get; init; }

    public int Drift => Tables.Sum(t => t.Drift);

    public bool InStep => Drift == 0;
}
