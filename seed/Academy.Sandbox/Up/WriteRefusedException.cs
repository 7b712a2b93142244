using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Up;

/// <summary>DynamoDB refused this one write request on its own (not throttling, not a server error).</summary>
public sealed class WriteRefusedException(string tableName, WriteRequest request, AmazonDynamoDBException cause)
    : Exception($"{tableName}: {cause.ErrorCode}: {cause.Message}", cause)
{
    public string TableName { get; } = tableName;

    public WriteRequest Request { get; } = request;

    public AmazonDynamoDBException Cause { get; } = cause;
}
