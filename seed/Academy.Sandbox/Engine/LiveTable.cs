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
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await client.ScanAsync(new ScanRequest { TableName = tableName, ConsistentRead = true, ExclusiveStartKey = start }, ct);
            items.AddRange(page.Items ?? []);
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);

        return items;
    }

    /// <summary>The table's description, or null when it does not exist.</summary>
    public static async Task<TableDescription?> DescribeAsync(IAmazonDynamoDB client, string tableName, CancellationToken ct)
    {
        try
        {
            return (await client.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, ct)).Table;
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
    }
}
