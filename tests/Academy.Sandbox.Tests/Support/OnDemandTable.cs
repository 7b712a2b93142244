using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Tests.Support;

/// <summary>A table made outside the catalog, on demand (PAY_PER_REQUEST) with one hash key of the given name and type.</summary>
public static class OnDemandTable
{
    public static async Task CreateAsync(string tableName, string keyName, ScalarAttributeType keyType)
    {
        using var client = LocalEngine.Client();
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = tableName,
            AttributeDefinitions = [new AttributeDefinition(keyName, keyType)],
            KeySchema = [new KeySchemaElement(keyName, KeyType.HASH)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
    }
}
