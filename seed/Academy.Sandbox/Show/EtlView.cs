namespace Academy.Sandbox.Show;

/// <summary>
/// One global item as the ETL reads it. A job source (some job names it, or it lists jobs) has its
/// base URL and jobs resolved; any other global item (say a mock API's settings) is shown as it is.
/// </summary>
public sealed record SourceView(
    string Name,
    bool Secret,
    bool IsSource,
    IReadOnlyList<KeyValuePair<string, Amazon.DynamoDBv2.Model.AttributeValue>> Settings,
    string? BaseUrl,
    IReadOnlyList<JobView> Jobs,
    IReadOnlyList<string> Problems);

/// <summary>One job of a source: where the ETL fetches its partitions.</summary>
public sealed record JobView(
    string Name,
    string TableName,
    bool HasJobsItem,
    bool? Enabled,
    string? BaseUrl,
    string? PartitionsUrl,
    IReadOnlyList<string> Problems,
    bool Secret = false);

/// <summary>What would write the global items when the live table holds none.</summary>
public enum GlobalWriter
{
    /// <summary>`up`: the catalog declares plain global items.</summary>
    Up,

    /// <summary>`pulumi up` alone: every global item the catalog declares, or may declare, comes from secret config.</summary>
    PulumiOnly,

    /// <summary>Nothing: the catalog declares no global item.</summary>
    None,
}

/// <summary>Everything `show` prints.</summary>
public sealed record EtlView(string User, string Target, string GlobalTable, string JobsTable, IReadOnlyList<SourceView> Sources, GlobalWriter GlobalWriter = GlobalWriter.Up)
{
    /// <summary>
    /// Problems that would stop the ETL, over every source and job; an empty global table is one, as
    /// the ETL finds no settings to start from.
    /// </summary>
    public int ProblemCount => (Sources.Count == 0 ? 1 : 0) + Sources.Sum(s => s.Problems.Count + s.Jobs.Sum(j => j.Problems.Count));
}
