using Academy.Catalog.Items;
using Amazon.DynamoDBv2.Model;

namespace Academy.Catalog.Jobs;

/// <summary>How messages show a value a user wrote: as DynamoDB JSON, shortened.</summary>
internal static class AttributeText
{
    private const int MaxLength = 80;

    public static string Of(AttributeValue value)
    {
        var text = DynamoJsonWriter.Write(value);
        return text.Length <= MaxLength ? text : string.Concat(text.AsSpan(0, MaxLength), "...");
    }
}
