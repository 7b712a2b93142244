namespace Academy.Catalog.Jobs;

/// <summary>
/// Attribute names of a jobs item and of the global (source) item fields jobs depend on, and the
/// values they may take: the one place the reader, the cross-checks and the docs agree on.
/// </summary>
public static class JobFields
{
    public const string JobsTable = "jobs";
    public const string GlobalTable = "global";

    public const string Name = "name";
    public const string Description = "description";
    public const string Source = "source";
    public const string TableName = "table_name";
    public const string Enabled = "enabled";
    public const string Schedule = "schedule";
    public const string LoadMode = "load_mode";
    public const string WatermarkColumn = "watermark_column";
    public const string SourceFormat = "source_format";
    public const string PrimaryKey = "primary_key";
    public const string PartitionColumns = "partition_columns";
    public const string Target = "target";
    public const string Columns = "columns";

    // Inside source_format.
    public const string FormatType = "type";
    public const string Compression = "compression";
    public const string Encoding = "encoding";
    public const string Delimiter = "delimiter";
    public const string Header = "header";
    public const string Quoting = "quoting";
    public const string NullValue = "null_value";
    public const string ArrayDelimiter = "array_delimiter";

    // Inside target.
    public const string TargetFormat = "format";
    public const string TargetPath = "path";

    // Inside each element of columns.
    public const string ColumnName = "name";
    public const string ColumnType = "type";
    public const string ColumnNullable = "nullable";
    public const string ColumnDescription = "description";

    // The global item.
    public const string GlobalTimeZone = "tz";
    public const string GlobalUrl = "url";
    public const string GlobalPartitionsUri = "partitions_uri";
    public const string GlobalJobs = "jobs";

    /// <summary>Every field of a jobs item; any other is refused as a typo (schemas/jobs-items.schema.json lists the same).</summary>
    public static readonly IReadOnlyList<string> ItemFields =
    [
        Name, Description, Source, TableName, Enabled, Schedule, LoadMode, WatermarkColumn, SourceFormat,
        PrimaryKey, PartitionColumns, Target, Columns,
    ];

    public static readonly IReadOnlyList<string> LoadModes = ["full", "incremental"];
    public static readonly IReadOnlyList<string> SourceFormats = ["tsv", "csv", "jsonl"];
    public static readonly IReadOnlyList<string> Compressions = ["gzip", "none"];
    public static readonly IReadOnlyList<string> TargetFormats = ["parquet", "csv", "jsonl"];

    /// <summary>Column types as Spark, Glue and Athena name them, so the ETL maps them one to one.</summary>
    public static readonly IReadOnlyList<string> ColumnTypes = ["string", "int", "bigint", "double", "boolean", "date", "timestamp", "array<string>", "array<int>"];
}
