using Academy.Catalog.Items;
using Academy.Catalog.Tables;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Engine;

/// <summary>Reads what a table holds now.</summary>
public static class LiveTable
{
    /// <summary>Every item, with strongly consistent reads so a scan right after `up` sees every write.</summary>
    public static async Task<List<Dictionary<string, AttributeValue>>> ScanAsync(IAmazonDynamoDB client, string tableName, CancellationToken ct)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        var positions = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var page in client.Paginators.Scan(new ScanRequest { TableName = tableName, ConsistentRead = true }).Responses.WithCancellation(ct))
        {
            items.AddRange(page.Items ?? []);
            // A scan that names a position it already gave would go on for ever.
            if (page.LastEvaluatedKey is { Count: > 0 } next && !positions.Add(Academy.Catalog.Items.DynamoJsonWriter.Write(next)))
            {
                throw new EngineAnswerException($"a scan of {tableName} that gave the same position to go on from (LastEvaluatedKey) twice");
            }
        }

        return items;
    }

    /// <summary>Scanned items by key; an item returned twice is an answer no DynamoDB gives.</summary>
    public static Dictionary<ItemKey, Dictionary<string, AttributeValue>> ByKey(IEnumerable<Dictionary<string, AttributeValue>> items, TableSpec table)
    {
        var byKey = new Dictionary<ItemKey, Dictionary<string, AttributeValue>>();
        foreach (var item in items)
        {
            var key = TableKeys.Of(table, item);
            if (!byKey.TryAdd(key, item))
            {
                throw new EngineAnswerException($"a scan of {table.Name} that returned the item {Academy.Catalog.Errors.Excerpt.Escape(Academy.Catalog.Errors.Excerpt.Of(key.ToString()))} twice");
            }
        }

        return byKey;
    }

    /// <summary>The table's description, or null when it does not exist.</summary>
    public static async Task<TableDescription?> DescribeAsync(IAmazonDynamoDB client, string tableName, CancellationToken ct)
    {
        try
        {
            return (await client.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, ct)).Table
                ?? throw new EngineAnswerException($"a description of {tableName} without the table in it");
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
    }
}
