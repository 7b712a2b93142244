namespace Academy.Catalog.Tables;

/// <summary>A table as seed/tables.json declares it, before it is named for a learner.</summary>
public sealed record TableDefinition(string Key, KeyAttribute HashKey, KeyAttribute? RangeKey)
{
    /// <summary>Exactly the attributes DynamoDB wants in AttributeDefinitions: the key ones.</summary>
    public IReadOnlyList<KeyAttribute> AttributeDefinitions =>
        RangeKey is null ? [HashKey] : [HashKey, RangeKey];
}
