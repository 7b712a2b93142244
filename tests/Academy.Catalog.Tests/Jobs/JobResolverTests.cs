using System.Text.Json;
using Academy.Catalog.Items;
using Academy.Catalog.Jobs;
using Amazon.DynamoDBv2.Model;

namespace Academy.Catalog.Tests.Jobs;

/// <summary>The resolver on attribute maps, as the sandbox tool calls it on items read back from a table.</summary>
public class JobResolverTests
{
    private const string Global = """
        {"name": {"S": "imdb-rest-api"}, "tz": {"S": "Europe/Zagreb"}, "method": {"S": "https://"},
         "host": {"S": "ogj9fvz5cf.execute-api.eu-central-1.amazonaws.com"}, "port": {"S": ""}, "prefix": {"S": "v1/imdb"},
         "url": {"S": "{method}{host}{port}/{prefix}"}, "partitions_uri": {"S": "/partitions/{table_name}"},
         "jobs": {"S": "[\"title_ratings\"]"}}
        """;

    private const string Job = """
        {"name": {"S": "title_ratings"}, "source": {"S": "imdb-rest-api"}, "table_name": {"S": "title_ratings"},
         "enabled": {"BOOL": false}, "schedule": {"S": "30 6 * * *"}, "load_mode": {"S": "full"},
         "source_format": {"M": {"type": {"S": "tsv"}, "compression": {"S": "gzip"}, "encoding": {"S": "UTF-8"},
           "delimiter": {"S": "\t"}, "header": {"BOOL": true}, "quoting": {"BOOL": false}, "null_value": {"S": "\\N"}}},
         "primary_key": {"L": [{"S": "tconst"}]}, "partition_columns": {"L": []},
         "target": {"M": {"format": {"S": "parquet"}, "path": {"S": "imdb/title_ratings/"}}},
         "columns": {"L": [
           {"M": {"name": {"S": "tconst"}, "type": {"S": "string"}, "nullable": {"BOOL": false}}},
           {"M": {"name": {"S": "averageRating"}, "type": {"S": "double"}, "nullable": {"BOOL": false}}},
           {"M": {"name": {"S": "numVotes"}, "type": {"S": "int"}, "nullable": {"BOOL": false}}}]}}
        """;

    [Test]
    public void ResolvesItemsReadBackAsDynamoDbAttributeMaps()
    {
        var job = JobResolver.Resolve(Read(Global), Read(Job));

        Assert.Multiple(() =>
        {
            Assert.That(job.Source.BaseUrl, Is.EqualTo("https://ogj9fvz5cf.execute-api.eu-central-1.amazonaws.com/v1/imdb"));
            Assert.That(job.PartitionsUrl, Is.EqualTo("https://ogj9fvz5cf.execute-api.eu-central-1.amazonaws.com/v1/imdb/partitions/title_ratings"));
            Assert.That(job.Config.Enabled, Is.False);
            Assert.That(job.Config.LoadMode, Is.EqualTo(LoadMode.Full));
            Assert.That(job.Config.Columns.Select(c => c.Type), Is.EqualTo(new[] { "string", "double", "int" }));
        });
    }

    [TestCase("v1/imdb", "/partitions/{table_name}")]
    [TestCase("v1/imdb/", "/partitions/{table_name}")]
    [TestCase("v1/imdb/", "partitions/{table_name}")]
    [TestCase("v1/imdb", "partitions/{table_name}")]
    public void BaseAndPartitionsUriJoinWithExactlyOneSlash(string prefix, string partitionsUri)
    {
        var global = Read(Global);
        global["prefix"] = new AttributeValue { S = prefix };
        global["partitions_uri"] = new AttributeValue { S = partitionsUri };

        var job = JobResolver.Resolve(global, Read(Job));

        Assert.That(job.PartitionsUrl, Is.EqualTo("https://ogj9fvz5cf.execute-api.eu-central-1.amazonaws.com/v1/imdb/partitions/title_ratings"));
    }

    [Test]
    public void PartitionsUriPlaceholdersPreferTheJobsAttributeOverTheGlobalItems()
    {
        var global = Read(Global);
        global["table_name"] = new AttributeValue { S = "not-this" };

        Assert.That(JobResolver.Resolve(global, Read(Job)).PartitionsUrl, Does.EndWith("/partitions/title_ratings"));
    }

    [Test]
    public void ABadJobItemThrowsNamingTheItemAndEveryBadField()
    {
        var job = Read(Job);
        job["enabled"] = new AttributeValue { S = "yes" };
        job["schedule"] = new AttributeValue { S = "daily" };

        var e = Assert.Throws<JobConfigException>(() => JobResolver.Resolve(Read(Global), job))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.Item, Is.EqualTo("jobs item 'title_ratings'"));
            Assert.That(e.Problems, Has.Count.EqualTo(2));
            Assert.That(e.Problems[0], Does.StartWith("attribute 'enabled': must be true or false (BOOL)"));
            Assert.That(e.Problems[1], Does.StartWith("attribute 'schedule': 'daily' has 1 field"));
        });
    }

    [Test]
    public void AJobResolvedAgainstAnotherSourceThanItsOwnThrows()
    {
        var job = Read(Job);
        job["source"] = new AttributeValue { S = "imdb-mirror" };

        var e = Assert.Throws<JobConfigException>(() => JobResolver.Resolve(Read(Global), job))!;

        Assert.That(e.Problems.Single(), Does.StartWith("attribute 'source': names 'imdb-mirror', not the global item 'imdb-rest-api'"));
    }

    [Test]
    public void ResolveAllThrowsForAJobWhoseSourceIsMissing()
    {
        var job = Read(Job);
        job["source"] = new AttributeValue { S = "imdb-mirror" };

        var e = Assert.Throws<JobConfigException>(() => JobResolver.ResolveAll([Read(Global)], [job]))!;

        Assert.That(e.Problems.Single(), Is.EqualTo("attribute 'source': names global item 'imdb-mirror', which does not exist"));
    }

    [Test]
    public void BaseUrlThrowsNamingAnUnknownPlaceholder()
    {
        var global = Read(Global);
        global["url"] = new AttributeValue { S = "{method}{host}{port}/{stage}/{prefix}" };

        var e = Assert.Throws<JobConfigException>(() => JobResolver.BaseUrl(global))!;

        Assert.That(e.Problems.Single(), Does.StartWith("attribute 'url': placeholder {stage} cannot be filled"));
    }

    [TestCase("https://host/v1/", "/partitions/x", "https://host/v1/partitions/x")]
    [TestCase("https://host/v1", "partitions/x", "https://host/v1/partitions/x")]
    [TestCase("https://host/v1//", "//partitions/x", "https://host/v1/partitions/x")]
    public void JoinPutsExactlyOneSlashBetween(string baseUrl, string path, string expected) =>
        Assert.That(JobResolver.Join(baseUrl, path), Is.EqualTo(expected));

    private static Dictionary<string, AttributeValue> Read(string dynamoJson)
    {
        using var document = JsonDocument.Parse(dynamoJson);
        return DynamoJsonReader.ReadItem(document.RootElement, (path, message) => Assert.Fail($"{path}: {message}"))!;
    }
}
