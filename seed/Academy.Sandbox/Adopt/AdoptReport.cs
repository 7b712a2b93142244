using Academy.Catalog.Items;
using Academy.Catalog.Tables;

namespace Academy.Sandbox.Adopt;

/// <summary>How a declared item stands against the live table.</summary>
public enum AdoptItemState
{
    /// <summary>Not in the live table: Pulumi creates it.</summary>
    Missing,

    /// <summary>Live and equal to the catalog attribute by attribute: Pulumi imports it.</summary>
    Identical,

    /// <summary>Live but different: left out of the config, since Pulumi would import it and then overwrite it with the catalog's.</summary>
    Differs,

    /// <summary>Live, declared by a secret academy:items value the sandbox cannot decrypt, so not compared and not listed.</summary>
    Secret,

    /// <summary>Live, but its key holds a ',' and cannot be written in an import id.</summary>
    KeyNotImportable,
}

/// <summary>One declared item and what the live table holds for it.</summary>
public sealed record AdoptItem(CatalogItem Item, AdoptItemState State, IReadOnlyList<string> Differences)
{
    /// <summary>
    /// True when the adopt config lists it: it exists and is identical. Pulumi imports a differing
    /// resource too and then updates it to the program's inputs (pulumi/pulumi#16397), which for an
    /// item is a whole-item PutItem over the learner's values; so only identical items are listed.
    /// </summary>
    public bool Listed => State is AdoptItemState.Identical;

    /// <summary>True when the live item holds what academy:items cannot (sets, binary), so keeping it takes the seed files.</summary>
    public bool LiveNeedsSeed { get; init; }

    /// <summary>Why the catalog cannot take the live item as it is (it lacks what a job needs, say), or null when it can.</summary>
    public string? LiveRefused { get; init; }
}

/// <summary>A table setting that differs, with the command that takes the live value into config and the one that makes the live table match.</summary>
/// <param name="TakeLive">The config lines that take the live setting; null when that cannot work (the key sets every table, and the live tables differ from each other).</param>
public sealed record TableDifference(string Text, string? TakeLive, string MatchCatalog);

/// <summary>One declared table: whether it exists, how its settings compare, and its items.</summary>
public sealed record AdoptTable(
    TableSpec Table,
    bool Exists,
    bool KeysMatch,
    IReadOnlyList<TableDifference> SettingDifferences,
    IReadOnlyList<AdoptItem> Items,
    IReadOnlyList<string> Undeclared)
{
    /// <summary>Differences pulumi up settles on its own after the import without touching data (tags).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The undeclared items that hold what academy:items cannot (sets, binary).</summary>
    public IReadOnlySet<string> UndeclaredNeedingSeed { get; init; } = new HashSet<string>();

    /// <summary>Why the catalog cannot take an undeclared item as it is, by key (export would refuse it).</summary>
    public IReadOnlyDictionary<string, string> UndeclaredRefused { get; init; } = new Dictionary<string, string>();

    /// <summary>Listed in the adopt config: it exists with the catalog's keys and settings (Pulumi would change differing settings right after the import).</summary>
    public bool Listed => Exists && KeysMatch && SettingDifferences.Count == 0;
}

/// <summary>What `adopt` found; it never changes anything.</summary>
public sealed record AdoptReport(string User, IReadOnlyList<AdoptTable> Tables)
{
    /// <summary>academy:items is encrypted in the stack file, so export cannot add a live item to it.</summary>
    public bool ItemsEncrypted { get; init; }

    /// <summary>The academy:adopt value for this report: every listed table with its listed items.</summary>
    public AdoptConfig Config => new(Tables
        .Where(t => t.Listed)
        .Select(t => new AdoptConfig.TableEntry(t.Table.Key, t.Items.Where(i => i.Listed).Select(i => AdoptConfig.EntryOf(i.Item)).ToList()))
        .ToList());

    /// <summary>Differences that keep a table or item out of the config until the learner resolves them.</summary>
    public int Blocking => Tables.Sum(t =>
        (t.Exists && !t.KeysMatch ? 1 : 0)
        + (t.Exists && t.KeysMatch ? t.SettingDifferences.Count : 0)
        + t.Items.Count(i => i.State is AdoptItemState.Differs or AdoptItemState.KeyNotImportable));

    /// <summary>True when `pulumi up` with <see cref="Config"/> imports everything that exists, unchanged, and creates the rest.</summary>
    public bool Ready => Blocking == 0;
}
