namespace Academy.Sandbox.Show;

/// <summary>One global (source) item as the ETL reads it, with its jobs resolved.</summary>
public sealed record SourceView(
    string Name,
    bool Secret,
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
    IReadOnlyList<string> Problems);

/// <summary>Everything `show` prints.</summary>
public sealed record EtlView(string User, string Target, string GlobalTable, string JobsTable, IReadOnlyList<SourceView> Sources);
