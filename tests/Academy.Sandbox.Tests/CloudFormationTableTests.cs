using Academy.Catalog;
using Academy.Catalog.Errors;
using Academy.Catalog.Settings;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Tests.Support;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Tests;

/// <summary>The course material's table: nine AttributeDefinitions for one HASH key.</summary>
public sealed class CloudFormationTableTests
{
    private static readonly string[] CourseAttributes = ["name", "tz", "method", "host", "port", "prefix", "url", "partitions_uri", "jobs"];

    private static string CourseTablesJson()
    {
        var definitions = string.Join(", ", CourseAttributes.Select(a => $$"""{ "AttributeName": "{{a}}", "AttributeType": "S" }"""));
        return $$"""
            {
              "global": {
                "Type": "AWS::DynamoDB::Table",
                "Properties": {
                  "AttributeDefinitions": [{{definitions}}],
                  "KeySchema": [{ "AttributeName": "name", "KeyType": "HASH" }]
                }
              },
              "jobs": {
                "AttributeDefinitions": [{ "AttributeName": "name", "AttributeType": "S" }],
                "KeySchema": [{ "AttributeName": "name", "KeyType": "HASH" }]
              }
            }
            """;
    }

    [Test]
    public async Task OurValidationRejectsItBeforeAnyCall()
    {
        using var project = new ScratchProject();
        project.Write("seed/tables.json", CourseTablesJson());
        var user = Tool.NewUser();

        var error = Assert.Throws<CatalogException>(() => CatalogBuilder.Build(new DictionaryConfigSource(user), project.Paths))!;
        Assert.That(error.Errors.Select(e => (e.Source, e.Item)), Does.Contain(("seed/tables.json", (string?)"table global")));

        var run = await Tool.RunAsync("up", "--user", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.CatalogInvalid));
        Assert.That(await LocalEngine.TablesAsync(user), Is.Empty, "nothing was created");
    }

    [Test]
    public void TheEngineRejectsItToo()
    {
        using var client = LocalEngine.Client();
        var request = new CreateTableRequest
        {
            TableName = Tool.NewUser() + "-academy-global",
            AttributeDefinitions = CourseAttributes.Select(a => new AttributeDefinition(a, ScalarAttributeType.S)).ToList(),
            KeySchema = [new KeySchemaElement("name", KeyType.HASH)],
            ProvisionedThroughput = new ProvisionedThroughput(1, 1),
        };

        var error = Assert.ThrowsAsync<AmazonDynamoDBException>(() => client.CreateTableAsync(request))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.ErrorCode, Is.EqualTo("ValidationException"));
            Assert.That((int)error.StatusCode, Is.EqualTo(400));
        });
    }
}
