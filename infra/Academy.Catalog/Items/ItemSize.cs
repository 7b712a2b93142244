using System.Text;
using Amazon.DynamoDBv2.Model;

namespace Academy.Catalog.Items;

/// <summary>An item's size by DynamoDB's published rules, checked against the 400 KB item limit.</summary>
public static class ItemSize
{
    public const int MaxBytes = 400 * 1024;

    public static int Of(IReadOnlyDictionary<string, AttributeValue> item) =>
        item.Sum(kv => Encoding.UTF8.GetByteCount(kv.Key) + Of(kv.Value));

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
            return 3 + value.M.Sum(kv => Encoding.UTF8.GetByteCount(kv.Key) + Of(kv.Value) + 1);
        }

        if (value.IsLSet)
        {
            return 3 + value.L.Sum(v => Of(v) + 1);
        }

        return 1; // BOOL and NULL
    }
}
