namespace Academy.Catalog.Errors;

/// <summary>Text an <see cref="ErrorMessage"/> shows even about secret data.</summary>
public readonly record struct ShownText(string Text)
{
    public override string ToString() => Text;
}

/// <summary>
/// Wrappers for the holes of an <see cref="ErrorMessage"/> that are not values: names (item keys,
/// attribute names and paths, tables, config keys, DynamoDB types; they are in resource names
/// anyway) and wording the code chose. Import with <c>using static</c>.
/// </summary>
public static class Shown
{
    public static ShownText Name(string name) => new(name);

    public static ShownText Names(IEnumerable<string> names) => new(string.Join(", ", names));

    public static ShownText Words(string words) => new(words);
}
