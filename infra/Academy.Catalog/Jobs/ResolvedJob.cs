namespace Academy.Catalog.Jobs;

/// <summary>A job as the ETL runs it: its configuration with its source's URLs and time zone resolved.</summary>
public sealed record ResolvedJob
{
    public required string Name { get; init; }

    public required string Source { get; init; }

    public required string TableName { get; init; }

    public required bool Enabled { get; init; }

    public required string Schedule { get; init; }

    /// <summary>The source's <c>tz</c>, in which <see cref="Schedule"/> is read.</summary>
    public required string TimeZone { get; init; }

    public required string BaseUrl { get; init; }

    public required string PartitionsUrl { get; init; }

    public required JobConfig Config { get; init; }
}
