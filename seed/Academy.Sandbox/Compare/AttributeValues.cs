using Academy.Catalog.Items;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Compare;

/// <summary>
/// Equality of attribute values the way DynamoDB stores them: numbers by value (the engine gives back
/// "1.5" for "1.50"), sets in any order, binary by bytes. AWSSDK v4 leaves unset collections null.
/// </summary>
public static class AttributeValues
{
    public static bool ItemsEqual(IReadOnlyDictionary<string, AttributeValue> a, IReadOnlyDictionary<string, AttributeValue> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var other) && Equal(kv.Value, other));

    public static bool Equal(AttributeValue a, AttributeValue b)
    {
        if (a.S is not null || b.S is not null)
        {
            return a.S == b.S;
        }

        if (a.N is not null || b.N is not null)
        {
            return a.N is not null && b.N is not null && (a.N == b.N || NumberText.Canonical(a.N) == NumberText.Canonical(b.N));
        }

        if (a.B is not null || b.B is not null)
        {
            return a.B is not null && b.B is not null && a.B.ToArray().AsSpan().SequenceEqual(b.B.ToArray());
        }

        if (a.BOOL.HasValue || b.BOOL.HasValue)
        {
            return a.BOOL == b.BOOL;
        }

        if (a.NULL == true || b.NULL == true)
        {
            return a.NULL == b.NULL;
        }

        if (a.M is not null || b.M is not null)
        {
            return a.M is not null && b.M is not null && ItemsEqual(a.M, b.M);
        }

        if (a.L is not null || b.L is not null)
        {
            return a.L is not null && b.L is not null && a.L.Count == b.L.Count && a.L.Zip(b.L).All(p => Equal(p.First, p.Second));
        }

        if (a.SS is { Count: > 0 } || b.SS is { Count: > 0 })
        {
            return SetEqual(a.SS, b.SS, s => s);
        }

        if (a.NS is { Count: > 0 } || b.NS is { Count: > 0 })
        {
            return SetEqual(a.NS, b.NS, NumberText.Canonical);
        }

        if (a.BS is { Count: > 0 } || b.BS is { Count: > 0 })
        {
            return SetEqual(a.BS?.Select(x => Convert.ToBase64String(x.ToArray())).ToList(), b.BS?.Select(x => Convert.ToBase64String(x.ToArray())).ToList(), s => s);
        }

        return true;
    }

    private static bool SetEqual(List<string>? a, List<string>? b, Func<string, string> canonical) =>
        a is not null && b is not null && a.Select(canonical).ToHashSet().SetEquals(b.Select(canonical));
}
