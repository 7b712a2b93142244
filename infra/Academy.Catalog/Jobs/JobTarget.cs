namespace Academy.Catalog.Jobs;

/// <summary>Where the job writes: <see cref="Path"/> is relative to the ETL's warehouse root (its own setting).</summary>
public sealed record JobTarget(string Format, string Path);
