using Academy.Catalog.Tests.Support;

namespace Academy.Catalog.Tests;

public class SeedItemTests
{
    [Test]
    public void GlobalSeedItemIsTheCourseMaterialsItemInExactDynamoDbJson()
    {
        var catalog = TestProject.Build();

        var item = catalog.ItemsOf("global").Single(i => i.HashKeyValue == "imdb-rest-api");

        const string expected = """
            {"name":{"S":"imdb-rest-api"},"tz":{"S":"Europe/Zagreb"},"method":{"S":"https://"},
            "host":{"S":"ogj9fvz5cf.execute-api.eu-central-1.amazonaws.com"},"port":{"S":""},"prefix":{"S":"v1/imdb"},
            "url":{"S":"{method}{host}{port}/{prefix}"},"partitions_uri":{"S":"/partitions/{table_name}"},
            "jobs":{"S":"[\"title_ratings\",\"title_crew\",\"name_basics\",\"title_episode\",\"title_basics\",\"title_principals\"]"}}
            """;
        Assert.That(item.ToDynamoJson(), Is.EqualTo(expected.ReplaceLineEndings("")));
    }
}
