using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Compare;

/// <summary>Attribute-by-attribute differences between what the catalog declares and what a table holds.</summary>
public static class ItemDiff
{
    public static List<string> Differences(IReadOnlyDictionary<string, AttributeValue> declared, IReadOnlyDictionary<string, AttributeValue> live, bool mask)
    {
        var lines = new List<string>();
        foreach (var name in declared.Keys.Union(live.Keys).Order(StringComparer.Ordinal))
        {
            var hasDeclared = declared.TryGetValue(name, out var want);
            var hasLive = live.TryGetValue(name, out var got);
            if (hasDeclared && hasLive && AttributeValues.Equal(want!, got!))
            {
                continue;
            }

            var wantText = hasDeclared ? Show(want!, mask) : "(not declared)";
            var gotText = hasLive ? Show(got!, mask) : "(missing)";
            lines.Add($"{name}: catalog {wantText}, live {gotText}");
        }

        return lines;
    }

    private static string Show(AttributeValue value, bool mask) => mask ? "***" : AttributeValues.Text(value);
}
