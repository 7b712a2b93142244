using Academy.Catalog.Jobs;

namespace Academy.Catalog.Tests.Jobs;

public class PlaceholderCheckTests
{
    [Test]
    public void AnUnknownPlaceholderInUrlIsAnErrorNamingTheFieldAndThePlaceholder()
    {
        using var project = new JobsScratch();
        project.EditGlobal(g => g["url"] = "{method}{hots}{port}/{prefix}");

        var error = project.Errors().Single();

        Assert.Multiple(() =>
        {
            Assert.That(error.Source, Is.EqualTo(JobsScratch.GlobalFile));
            Assert.That(error.Item, Is.EqualTo("imdb-rest-api"));
            Assert.That(error.Message, Does.StartWith("attribute 'url': placeholder {hots} cannot be filled"));
            Assert.That(error.Message, Does.Contain("{host}"), "lists what can be filled");
        });
    }

    [Test]
    public void AnUnknownPlaceholderInPartitionsUriIsOneErrorOnTheGlobalItemNamingTheJobs()
    {
        using var project = new JobsScratch();
        project.EditGlobal(g => g["partitions_uri"] = "/partitions/{tabel_name}");

        var error = project.Errors().Single();

        Assert.Multiple(() =>
        {
            Assert.That(error.Source, Is.EqualTo(JobsScratch.GlobalFile));
            Assert.That(error.Item, Is.EqualTo("imdb-rest-api"));
            Assert.That(error.Message, Does.StartWith("attribute 'partitions_uri' of global item 'imdb-rest-api': placeholder {tabel_name} cannot be filled"));
            Assert.That(error.Message, Does.Contain("{table_name}"));
            Assert.That(error.Message, Does.EndWith("(for jobs name_basics, title_basics, title_crew, title_episode, title_principals, title_ratings)"));
        });
    }

    [Test]
    public void APlaceholderTheJobsDoNotFillButTheGlobalItemDoesIsAccepted()
    {
        using var project = new JobsScratch();
        project.EditGlobal(g => g["partitions_uri"] = "/{prefix_version}/partitions/{table_name}");
        project.EditGlobal(g => g["prefix_version"] = "2024");

        var job = JobResolver.ResolveAll(project.Build()).First();

        Assert.That(job.PartitionsUrl, Does.EndWith("/v1/imdb/2024/partitions/name_basics"));
    }

    [TestCase("{method}{host{port}/{prefix}", "attribute 'url': has placeholder '{host{port}'")]
    [TestCase("{method}{host}}/{prefix}", "attribute 'url': has a '}' at position 15 without a '{' before it")]
    [TestCase("{method}{host}/{prefix", "attribute 'url': has a '{' at position 16 that is never closed")]
    [TestCase("{host}/{prefix}", "attribute 'url': resolves to 'ogj9fvz5cf.execute-api.eu-central-1.amazonaws.com/v1/imdb', which is not an absolute http(s) URL")]
    public void AMalformedUrlTemplateIsAnErrorSayingWhatIsWrong(string url, string expected)
    {
        using var project = new JobsScratch();
        project.EditGlobal(g => g["url"] = url);

        var error = project.Errors().Single();

        Assert.That(error.Item, Is.EqualTo("imdb-rest-api"));
        Assert.That(error.Message, Does.StartWith(expected));
    }

    [Test]
    public void AGlobalItemReplacedInConfigWithoutUrlsSaysWhichJobsNeedThem()
    {
        using var project = new JobsScratch();

        var errors = project.Errors(new() { ["items"] = """{"global": [{"name": "imdb-rest-api", "tz": "UTC"}]}""" });

        Assert.That(errors.Select(e => (e.Source, e.Item)).Distinct(), Is.EqualTo(new[] { ("config academy:items.global", "imdb-rest-api") }));
        Assert.That(errors.Select(e => e.Message), Has.Some.StartsWith("attribute 'url': is missing").And.Some.Contains("title_ratings"));
        Assert.That(errors.Select(e => e.Message), Has.Some.StartsWith("attribute 'jobs': is missing, but jobs name_basics, title_basics, title_crew, title_episode, title_principals, title_ratings name this item"));
    }
}
