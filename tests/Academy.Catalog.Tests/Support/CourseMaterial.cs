namespace Academy.Catalog.Tests.Support;

/// <summary>The course material's CloudFormation table definitions, as learners copy them.</summary>
public static class CourseMaterial
{
    // The course material's table: every item attribute under AttributeDefinitions, one HASH key.
    public const string Tables = """
        {"global": {"Type": "AWS::DynamoDB::Table", "Properties": {
          "TableName": "academy-global",
          "AttributeDefinitions": [
            {"AttributeName": "name", "AttributeType": "S"}, {"AttributeName": "tz", "AttributeType": "S"},
            {"AttributeName": "method", "AttributeType": "S"}, {"AttributeName": "host", "AttributeType": "S"},
            {"AttributeName": "port", "AttributeType": "S"}, {"AttributeName": "prefix", "AttributeType": "S"},
            {"AttributeName": "url", "AttributeType": "S"}, {"AttributeName": "partitions_uri", "AttributeType": "S"},
            {"AttributeName": "jobs", "AttributeType": "S"}],
          "KeySchema": [{"AttributeName": "name", "KeyType": "HASH"}]}},
         "jobs": {"AttributeDefinitions": [{"AttributeName": "name", "AttributeType": "S"}],
                  "KeySchema": [{"AttributeName": "name", "KeyType": "HASH"}]}}
        """;

    /// <summary>The same without TableName, so the AttributeDefinitions mistake is the only one.</summary>
    public static string TablesWithoutTableName =>
        Tables.Replace("\"TableName\": \"academy-global\",", "", StringComparison.Ordinal);
}
