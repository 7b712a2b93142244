namespace Academy.Catalog.Jobs;

/// <summary>A jobs or global item read back from a table cannot be used; <see cref="Problems"/> names each field.</summary>
public sealed class JobConfigException(string item, IReadOnlyList<string> problems)
    : Exception($"{item} cannot be used:" + string.Concat(problems.Select(p => $"{Environment.NewLine}  - {p}")))
{
    public string Item { get; } = item;

    public IReadOnlyList<string> Problems { get; } = problems;
}
