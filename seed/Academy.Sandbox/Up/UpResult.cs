namespace Academy.Sandbox.Up;

/// <summary>What `up` did to one table; <see cref="Settings"/> lists the table settings that differ from the catalog (left as they are).</summary>
public sealed record TableUpResult(
    string TableKey,
    string TableName,
    bool Created,
    IReadOnlyList<string> Settings,
    int Written,
    int Unchanged,
    int SkippedSecret,
    int Pruned,
    IReadOnlyList<string> KeptUndeclared);

/// <summary>What `up` did, per table.</summary>
public sealed record UpResult(IReadOnlyList<TableUpResult> Tables, int Retries, TimeSpan Elapsed)
{
    public int Written => Tables.Sum(t => t.Written);

    public int Unchanged => Tables.Sum(t => t.Unchanged);

    public int Pruned => Tables.Sum(t => t.Pruned);

    public bool ChangedNothing => Written == 0 && Pruned == 0 && Tables.All(t => !t.Created);
}
