using System.Text;
using Academy.Catalog.Errors;
using Amazon.DynamoDBv2.Model;
using static Academy.Catalog.Errors.Shown;

namespace Academy.Catalog.Items;

/// <summary>
/// What DynamoDB (and the provider's TableItem) refuse in an item's shape, checked before anything is
/// declared: nesting depth, attribute name size, names the provider cannot tell apart, item size.
/// </summary>
internal static class ItemChecks
{
    /// <summary>A scalar may sit inside at most 31 maps or lists: 32 levels counting the top-level attribute.</summary>
    public const int MaxDepth = 32;

    /// <summary>"Attribute names must be at least one character long and less than 64 KB".</summary>
    public const int MaxNameBytes = (64 * 1024) - 1;

    /// <summary>Names, letter collisions and depth; the size is <see cref="Size"/>.</summary>
    // Dictionaries, not interfaces: an enumerator through an interface is an object, several per item.
    public static void Run(Dictionary<string, AttributeValue> item, Action<string, ErrorMessage> report)
    {
        CheckNames(item.Keys, "", report);
        CheckLetterCollisions(item.Keys, report);
        var tooDeep = false;
        foreach (var (name, value) in item)
        {
            Walk(value, new AttributePlace("", name, 0), 1, report, ref tooDeep);
        }
    }

    /// <summary>The 400 KB limit, given the item's size (worked out once, by <see cref="CatalogItem"/> when it is built).</summary>
    public static void Size(int size, Action<string, ErrorMessage> report)
    {
        if (size > ItemSize.MaxBytes)
        {
            report("", $"is {size:N0} bytes by DynamoDB's size rules; an item may be at most {ItemSize.MaxBytes:N0} bytes (400 KB)");
        }
    }

    // A value's path is built only for a message or when it is a map or list (its values need it).
    private static void Walk(AttributeValue value, AttributePlace place, int depth, Action<string, ErrorMessage> report, ref bool tooDeep)
    {
        if (tooDeep)
        {
            return; // one message per item is enough
        }

        if (depth > MaxDepth)
        {
            tooDeep = true;
            report(Shorten(place.Path), $"is nested {depth} levels deep; DynamoDB allows at most {MaxDepth} (a value inside at most {MaxDepth - 1} maps or lists)");
            return;
        }

        if (value.IsMSet)
        {
            var path = place.Path;
            CheckNames(value.M.Keys, path, report);
            foreach (var (name, child) in value.M)
            {
                Walk(child, new AttributePlace(path, name, 0), depth + 1, report, ref tooDeep);
            }
        }
        else if (value.IsLSet)
        {
            var path = place.Path;
            for (var i = 0; i < value.L.Count; i++)
            {
                Walk(value.L[i], new AttributePlace(path, null, i), depth + 1, report, ref tooDeep);
            }
        }
    }

    private static void CheckNames(Dictionary<string, AttributeValue>.KeyCollection names, string parent, Action<string, ErrorMessage> report)
    {
        foreach (var name in names)
        {
            var bytes = Encoding.UTF8.GetByteCount(name);
            if (bytes > MaxNameBytes)
            {
                report(Shorten(Paths.Child(parent, name)), $"the attribute name is {bytes:N0} bytes; DynamoDB allows names of less than 64 KB ({MaxNameBytes:N0} bytes)");
            }
        }
    }

    // The provider's TableItem builds expression placeholders from the item's top-level names with
    // everything but the letters a-z and A-Z removed; its documentation warns that your-name-here and
    // Yournamehere then overlap and fail, so names are compared that way (ignoring case, as that example does).
    private static void CheckLetterCollisions(Dictionary<string, AttributeValue>.KeyCollection names, Action<string, ErrorMessage> report)
    {
        // One dictionary per thread, emptied for each item, rather than a new one for every item.
        var seen = t_letters ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        seen.Clear();
        foreach (var name in names)
        {
            var letters = Letters(name);
            if (seen.TryGetValue(letters, out var other))
            {
                report(Shorten(name), $"collides with attribute '{Name(Shorten(other))}': the provider's TableItem keeps only the letters of attribute names (both become '{Name(letters)}'), so `pulumi up` would fail on this item; rename one of them");
            }
            else
            {
                seen[letters] = name;
            }
        }

        if (seen.Count > 256)
        {
            t_letters = null; // Clear costs its capacity: an item with thousands of names does not slow every later one
        }
    }

    [ThreadStatic]
    private static Dictionary<string, string>? t_letters;

    // Most names are letters only: those are their own letters, with nothing to allocate (a run of
    // 10,000 items spent 6% of its CPU here building each name again).
    private static string Letters(string name) =>
        name.AsSpan().ContainsAnyExcept(AsciiLetters) ? string.Concat(name.Where(char.IsAsciiLetter)) : name;

    private static readonly System.Buffers.SearchValues<char> AsciiLetters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private static string Shorten(string text) => Excerpt.Of(text, 120, 80);
}
