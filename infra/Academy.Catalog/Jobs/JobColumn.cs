namespace Academy.Catalog.Jobs;

/// <summary>One column of a job's dataset, in file order.</summary>
public sealed record JobColumn(string Name, string Type, bool Nullable, string? Description);
