using Academy.Catalog.Errors;
using Amazon.DynamoDBv2.Model;

namespace Academy.Catalog.Jobs;

/// <summary>
/// Typed view of one item of the jobs table. <see cref="Read"/> is the only place that decides what
/// a valid jobs item is: the catalog's validation and every reader of a live table use it.
/// </summary>
public sealed record JobConfig
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>The name of the global item this job reads from (its URLs, time zone and jobs list).</summary>
    public required string Source { get; init; }

    /// <summary>The dataset's name in the source API, filled into the source's partitions_uri.</summary>
    public required string TableName { get; init; }

    public required bool Enabled { get; init; }

    /// <summary>5-field cron, read in the source item's time zone.</summary>
    public required string Schedule { get; init; }

    public required LoadMode LoadMode { get; init; }

    /// <summary>The column whose high-water mark an incremental load resumes from; null for full loads.</summary>
    public string? WatermarkColumn { get; init; }

    public required SourceFormat Format { get; init; }

    public required IReadOnlyList<string> PrimaryKey { get; init; }

    public required IReadOnlyList<string> PartitionColumns { get; init; }

    public required JobTarget Target { get; init; }

    public required IReadOnlyList<JobColumn> Columns { get; init; }

    /// <summary>Reads and checks a jobs item; throws <see cref="JobConfigException"/> naming every bad field.</summary>
    public static JobConfig From(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var problems = new List<string>();
        var config = Read(item, (field, message) => problems.Add($"attribute '{field}': {message}"));
        var name = item.TryGetValue(JobFields.Name, out var key) && key.S is { } s ? s : "?";
        return config ?? throw new JobConfigException($"jobs item '{name}'", problems);
    }

    /// <summary>Reads and checks a jobs item, reporting (attribute path, message) per problem; null if any.</summary>
    public static JobConfig? Read(IReadOnlyDictionary<string, AttributeValue> item, Action<string, ErrorMessage> report) =>
        JobConfigReader.Read(item, report);
}
