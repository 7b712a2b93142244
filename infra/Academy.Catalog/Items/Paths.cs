namespace Academy.Catalog.Items;

/// <summary>Attribute paths as DynamoDB document paths write them: a.b[2].c.</summary>
internal static class Paths
{
    public static string Child(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";
}
