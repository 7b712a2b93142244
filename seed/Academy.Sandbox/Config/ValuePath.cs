using Academy.Catalog.Errors;

namespace Academy.Sandbox.Config;

/// <summary>
/// Where a node sits inside one config value, so a message can say it as the catalog would: the
/// table (global), the item (by its name, else its position) and the attribute path within it.
/// </summary>
public sealed record ValuePath(IReadOnlyList<string> Segments, string? Item, bool InList)
{
    public static ValuePath Root { get; } = new([], null, false);

    public ValuePath Child(string key, string? item) => new([.. Segments, Segments.Count == 0 ? key : $".{key}"], item, false);

    public ValuePath Element(int index) => new([.. Segments, $"[{index}]"], Item, true);

    /// <summary>The path as written in messages, e.g. global[0].limit.</summary>
    public override string ToString() => string.Concat(Segments);

    /// <summary>
    /// For academy:items (table, list, item): the table, the item's label and the attribute path
    /// under it; null for anything else.
    /// </summary>
    public (string Table, string Item, string Attribute)? AsItem()
    {
        if (Segments.Count < 2 || !Segments[1].StartsWith('['))
        {
            return null;
        }

        var label = Item ?? $"#{int.Parse(Segments[1][1..^1], System.Globalization.CultureInfo.InvariantCulture) + 1}";
        return (Segments[0], label, string.Concat(Segments.Skip(2)).TrimStart('.'));
    }
}

/// <summary>Something Pulumi would change on the way to the program, at <see cref="Path"/>, worth a warning.</summary>
public sealed record ValueNote(ValuePath Path, long Line, ErrorMessage Message);

/// <summary>A config value Pulumi cannot hand to the program, with where it is.</summary>
public sealed class ValueException(ValuePath path, long line, ErrorMessage message) : FormatException(message.ToString())
{
    public ErrorMessage Text { get; } = message;

    public ValuePath Path { get; } = path;

    public long Line { get; } = line;
}
