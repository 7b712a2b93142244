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
        await foreach (var page in client.Paginators.Scan(new ScanRequest { TableName = tableName, ConsistentRead = true }).Responses.WithCancellation(ct))
        {
            items.AddRange(page.Items ?? []);
        }

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
