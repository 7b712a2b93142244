using Academy.Catalog.Settings;

namespace Academy.Catalog.Tables;

/// <summary>
/// One learner table: its definition from seed/tables.json, the name it gets for the learner, and the
/// learner's <see cref="TableOptions"/>. What the program declares and the sandbox creates.
/// </summary>
public sealed record TableSpec(TableDefinition Definition, string Name, TableOptions Options)
{
    /// <summary>The short name used in seed files and config: global, jobs.</summary>
    public string Key => Definition.Key;

    public KeyAttribute HashKey => Definition.HashKey;

    public KeyAttribute? RangeKey => Definition.RangeKey;

    public IReadOnlyList<KeyAttribute> AttributeDefinitions => Definition.AttributeDefinitions;
}
