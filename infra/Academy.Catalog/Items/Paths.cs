namespace Academy.Catalog.Items;

/// <summary>Attribute paths as DynamoDB document paths write them: a.b[2].c.</summary>
internal static class Paths
{
    public static string Child(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";
}

/// <summary>
/// Where a value sits: attribute <see cref="Name"/> of a map, or element <see cref="Index"/> of a
/// list, under <see cref="Parent"/>. Its path text is built only when asked (for a message, or for a
/// map or list whose own values need it), not for every value read.
/// </summary>
internal readonly record struct AttributePlace(string Parent, string? Name, int Index)
{
    public string Path => Name is null ? $"{Parent}[{Index}]" : Paths.Child(Parent, Name);
}
