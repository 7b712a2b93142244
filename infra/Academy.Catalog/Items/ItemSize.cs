using System.Text;
using Amazon.DynamoDBv2.Model;

namespace Academy.Catalog.Items;

/// <summary>An item's size by DynamoDB's published rules, checked against the 400 KB item limit.</summary>
public static class ItemSize
{
    public const int MaxBytes = 400 * 1024;

    public static int Of(IReadOnlyDictionary<string, AttributeValue> item) =>
        Entries(item as Dictionary<string, AttributeValue> ?? new Dictionary<string, AttributeValue>(item), perEntry: 0);

    public static int Of(AttributeValue value)
    {
        if (value.S is not null)
        {
            return Encoding.UTF8.GetByteCount(value.S);
        }

        if (value.N is not null)
        {
            return NumberText.SizeBytes(value.N);
        }

        if (value.B is not null)
        {
            return (int)value.B.Length;
        }

        if (value.IsSSSet)
        {
            return value.SS.Sum(Encoding.UTF8.GetByteCount);
        }

        if (value.IsNSSet)
        {
            return value.NS.Sum(NumberText.SizeBytes);
        }

        if (value.IsBSSet)
        {
            return value.BS.Sum(b => (int)b.Length);
        }

        // Lists and maps: 3 bytes of overhead, plus 1 byte per element.
        if (value.IsMSet)
        {
            return 3 + Entries(value.M, perEntry: 1);
        }

        if (value.IsLSet)
        {
            var size = 3;
            foreach (var element in value.L)
            {
                size += Of(element) + 1;
            }

            return size;
        }

        return 1; // BOOL and NULL
    }

    // Loops over the dictionary itself: LINQ or an interface would make an enumerator object per map.
    private static int Entries(Dictionary<string, AttributeValue> map, int perEntry)
    {
        var size = 0;
        foreach (var (name, value) in map)
        {
            size += Encoding.UTF8.GetByteCount(name) + Of(value) + perEntry;
        }

        return size;
    }
}
