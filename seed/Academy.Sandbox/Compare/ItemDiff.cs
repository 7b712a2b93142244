using Academy.Catalog.Errors;
using Academy.Catalog.Items;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Compare;

/// <summary>How one attribute of a live item stands against the catalog.</summary>
public enum AttributeChange
{
    /// <summary>Both have it, with different values.</summary>
    Changed,

    /// <summary>The catalog declares it; the live item lacks it.</summary>
    Missing,

    /// <summary>Only the live item has it: something other than the catalog wrote it (the ETL's runtime state, a hand edit).</summary>
    WrittenOutside,
}

/// <summary>One attribute that differs; <see cref="Catalog"/> or <see cref="Live"/> is null where that side lacks it.</summary>
public sealed record AttributeDifference(string Name, AttributeChange Change, AttributeValue? Catalog, AttributeValue? Live)
{
    /// <summary>One line for people: the attribute, and each side's value in DynamoDB JSON.</summary>
    public string Describe() => Change switch
    {
        AttributeChange.WrittenOutside => $"{Excerpt.Escape(Name)}: written outside the catalog, live {Excerpt.Value(DynamoJsonWriter.Write(Live!))} (the next `up` or `pulumi up` of this item removes it)",
        AttributeChange.Missing => $"{Excerpt.Escape(Name)}: catalog {Excerpt.Value(DynamoJsonWriter.Write(Catalog!))}, live (missing)",
        _ => $"{Excerpt.Escape(Name)}: catalog {Excerpt.Value(DynamoJsonWriter.Write(Catalog!))}, live {Excerpt.Value(DynamoJsonWriter.Write(Live!))}",
    };
}

/// <summary>Attribute-by-attribute differences between what the catalog declares and what a table holds.</summary>
public static class ItemDiff
{
    public static List<AttributeDifference> Differences(IReadOnlyDictionary<string, AttributeValue> declared, IReadOnlyDictionary<string, AttributeValue> live)
    {
        var differences = new List<AttributeDifference>();
        foreach (var name in declared.Keys.Union(live.Keys).Order(StringComparer.Ordinal))
        {
            var want = declared.GetValueOrDefault(name);
            var got = live.GetValueOrDefault(name);
            if (want is not null && got is not null && AttributeValues.Equal(want, got))
            {
                continue;
            }

            var change = want is null ? AttributeChange.WrittenOutside : got is null ? AttributeChange.Missing : AttributeChange.Changed;
            differences.Add(new AttributeDifference(name, change, want, got));
        }

        return differences;
    }
}
