using System.Text.Json;
using Academy.Catalog.Errors;
using Academy.Catalog.Items;
using Academy.Catalog.Settings;
using Academy.Catalog.Tables;

namespace Academy.Catalog.Adopt;

/// <summary>
/// Reads academy:adopt (table key to the list of that table's item keys to import) against the
/// built catalog: only what the catalog declares can be imported, and every problem is reported.
/// </summary>
public static class AdoptParser
{
    /// <param name="secret">When the keys may be secret, items are named by their position in the list, never by key.</param>
    public static AdoptPlan Parse(JsonElement? adopt, bool secret, Catalog catalog, ErrorList errors)
    {
        if (adopt is not { } root)
        {
            return AdoptPlan.None;
        }

        var tables = new List<string>();
        var items = new List<(string Table, ItemKey Key)>();
        foreach (var property in root.EnumerateObject())
        {
            var source = $"config {ConfigKeys.Adopt.FullKey}.{property.Name}";
            var table = catalog.Tables.FirstOrDefault(t => t.Key == property.Name);
            if (table is null)
            {
                errors.Add(source, null,
                    $"'{property.Name}' is not a declared table; declared: {string.Join(", ", catalog.Tables.Select(t => t.Key))}");
                continue;
            }

            if (property.Value.ValueKind != JsonValueKind.Array)
            {
                errors.Add(source, null,
                    $"must be a list of the table's item keys (an empty list adopts the table alone), not {Json.KindName(property.Value)}");
                continue;
            }

            tables.Add(table.Key);
            var declared = catalog.ItemsOf(table.Key).ToDictionary(i => i.Key);
            var seen = new HashSet<ItemKey>();
            var position = 0;
            foreach (var entry in property.Value.EnumerateArray())
            {
                position++;
                var label = secret ? $"entry {position}" : null;
                if (Key(entry, table, source, label, errors) is not { } id)
                {
                    continue;
                }

                label ??= id.ToString();
                if (!seen.Add(id))
                {
                    errors.Add(source, label, "is listed more than once");
                    continue;
                }

                if (!declared.TryGetValue(id, out var item))
                {
                    errors.Add(source, label,
                        $"is not declared (seed items or {ConfigKeys.Items.FullKey}); only declared items can be imported");
                }
                else if (!ImportIds.CanImport(item))
                {
                    errors.Add(source, label,
                        $"its key contains '{ImportIds.Separator}', which a Pulumi import id cannot carry; remove it from {ConfigKeys.Adopt.FullKey} and delete the live item so that `pulumi up` creates it");
                }
                else
                {
                    items.Add((table.Key, item.Key));
                }
            }
        }

        return new AdoptPlan(tables, items);
    }

    // The entry's item key, compared as DynamoDB compares keys (numbers by value, binary by bytes),
    // or null after reporting why it is not a key. A null label names the entry by its own text.
    private static ItemKey? Key(JsonElement entry, TableSpec table, string source, string? label, ErrorList errors)
    {
        if (table.RangeKey is not { } range)
        {
            return Scalar(entry, table.HashKey, source, label, errors) is { } only ? new ItemKey(only, null) : null;
        }

        if (entry.ValueKind != JsonValueKind.Array || entry.GetArrayLength() != 2)
        {
            errors.Add(source, label ?? entry.GetRawText(),
                $"the table has a range key, so each entry is a two-element list [{table.HashKey.Name}, {range.Name}]");
            return null;
        }

        var hash = Scalar(entry[0], table.HashKey, source, label, errors);
        var rangeValue = Scalar(entry[1], range, source, label, errors);
        return hash is null || rangeValue is null ? null : new ItemKey(hash, rangeValue);
    }

    private static string? Scalar(JsonElement value, KeyAttribute key, string source, string? label, ErrorList errors)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String when value.GetString() is { Length: > 0 } text:
                return Canonical(text, key, source, label, errors);
            case JsonValueKind.Number when key.Type == "N":
                return Canonical(value.GetRawText(), key, source, label, errors);
            case JsonValueKind.Number:
                errors.Add(source, label ?? value.GetRawText(),
                    $"is a number, but key '{key.Name}' is of type {key.Type}; quote it");
                return null;
            default:
                errors.Add(source, label ?? value.GetRawText(),
                    $"is not a value of key '{key.Name}' ({key.Type}); give the item's key as a non-empty string");
                return null;
        }
    }

    // The key text as ItemKey holds it: numbers in DynamoDB's canonical form, binary as standard base64.
    private static string? Canonical(string text, KeyAttribute key, string source, string? label, ErrorList errors)
    {
        switch (key.Type)
        {
            case "N" when NumberText.TryParse(text, out var number, out _):
                return NumberText.Canonical(number);
            case "N":
                errors.Add(source, label ?? text, $"is not a number, but key '{key.Name}' is of type N");
                return null;
            case "B":
                try
                {
                    return Convert.ToBase64String(Convert.FromBase64String(text));
                }
                catch (FormatException)
                {
                    errors.Add(source, label ?? text, $"is not base64, but key '{key.Name}' is of type B (binary keys are given as standard base64)");
                    return null;
                }

            default:
                return text;
        }
    }
}
