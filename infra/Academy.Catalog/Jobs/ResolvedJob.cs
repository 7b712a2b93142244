namespace Academy.Catalog.Jobs;

/// <summary>
/// A job as the ETL runs it: its configuration, the global item it reads from (time zone, base URL)
/// and the one value that needs both, its partitions URL.
/// </summary>
public sealed record ResolvedJob(JobConfig Config, JobSource Source, string PartitionsUrl);
