namespace Academy.Catalog.Tables;

/// <summary>A key attribute: its name and DynamoDB scalar type (S, N or B).</summary>
public sealed record KeyAttribute(string Name, string Type);
