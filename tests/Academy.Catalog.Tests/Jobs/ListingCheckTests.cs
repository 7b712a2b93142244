using System.Text.Json.Nodes;

namespace Academy.Catalog.Tests.Jobs;

public class ListingCheckTests
{
    [Test]
    public void AJobTheGlobalListNamesButNoItemDeclaresIsAnErrorOnTheGlobalItemsJobsField()
    {
        using var project = new JobsScratch();
        project.RemoveJob("title_crew");

        var error = project.Errors().Single();

        Assert.Multiple(() =>
        {
            Assert.That(error.Source, Is.EqualTo(JobsScratch.GlobalFile));
            Assert.That(error.Item, Is.EqualTo("imdb-rest-api"));
            Assert.That(error.Message, Does.StartWith("attribute 'jobs': lists 'title_crew', but the jobs table has no item with name 'title_crew'"));
            Assert.That(error.Message, Does.Contain("add one to seed/items/jobs.json"));
        });
    }

    [Test]
    public void AnEnabledJobMissingFromTheGlobalListIsAnErrorOnTheJob()
    {
        using var project = new JobsScratch();
        project.EditGlobal(g => g["jobs"] = """["title_ratings","title_crew","name_basics","title_episode","title_basics"]""");

        var error = project.Errors().Single();

        Assert.Multiple(() =>
        {
            Assert.That(error.Source, Is.EqualTo(JobsScratch.JobsFile));
            Assert.That(error.Item, Is.EqualTo("title_principals"));
            Assert.That(error.Message, Does.Contain("is not listed in attribute 'jobs' of global item 'imdb-rest-api'"));
            Assert.That(error.Message, Does.Contain("set attribute 'enabled' to false"));
        });
    }

    [Test]
    public void AnUnlistedJobIsAcceptedWhenExplicitlyDisabled()
    {
        using var project = new JobsScratch();
        project.EditGlobal(g => g["jobs"] = """["title_ratings","title_crew","name_basics","title_episode","title_basics"]""");
        project.EditJob("title_principals", j => j["enabled"] = false);

        var catalog = project.Build();

        Assert.That(catalog.ItemsOf("jobs").Select(i => i.HashKeyValue), Does.Contain("title_principals"));
    }

    [Test]
    public void AJobAddedInStackConfigMustBeListedTooAndTheErrorNamesTheConfigKey()
    {
        using var project = new JobsScratch();
        var job = JsonNode.Parse(File.ReadAllText(Support.TestProject.Repo.Resolve(JobsScratch.JobsFile)))!.AsArray()
            .Single(j => (string?)j!["name"] == "title_ratings")!.AsObject();
        job["name"] = "title_ratings_hourly";
        var items = new JsonObject { ["jobs"] = new JsonArray(job.DeepClone()) };

        var error = project.Errors(new() { ["items"] = items.ToJsonString() }).Single();

        Assert.Multiple(() =>
        {
            Assert.That(error.Source, Is.EqualTo("config academy:items.jobs"));
            Assert.That(error.Item, Is.EqualTo("title_ratings_hourly"));
            Assert.That(error.Message, Does.Contain("attribute 'jobs' of global item 'imdb-rest-api'"));
        });
    }

    [Test]
    public void AJobWhoseSourceIsNotAGlobalItemIsAnErrorOnItsSourceField()
    {
        using var project = new JobsScratch();
        project.EditJob("title_episode", j => j["source"] = "imdb-rest-apj");

        var errors = project.Errors();

        var error = errors.Single(e => e.Item == "title_episode");
        Assert.Multiple(() =>
        {
            Assert.That(error.Source, Is.EqualTo(JobsScratch.JobsFile));
            Assert.That(error.Message, Does.StartWith("attribute 'source': names global item 'imdb-rest-apj', which does not exist; global items are 'imdb-rest-api'"));
        });
    }

    [Test]
    public void AJobListedByOneSourceButReadingAnotherIsAnErrorOnTheListingSource()
    {
        using var project = new JobsScratch();
        project.EditJob("title_episode", j => j["source"] = "imdb-mirror");
        var mirror = """
            {"global": [{"name": "imdb-mirror", "tz": "UTC", "method": "https://", "host": "mirror.example.com", "port": "",
              "prefix": "imdb", "url": "{method}{host}{port}/{prefix}", "partitions_uri": "/partitions/{table_name}",
              "jobs": "[\"title_episode\"]"}]}
            """;

        var error = project.Errors(new() { ["items"] = mirror }).Single();

        Assert.Multiple(() =>
        {
            Assert.That(error.Item, Is.EqualTo("imdb-rest-api"));
            Assert.That(error.Message, Does.StartWith("attribute 'jobs': lists 'title_episode', but that job's source is 'imdb-mirror'"));
        });
    }

    [Test]
    public void ReferencesAreNotCheckedWhileAnItemFileIsBroken()
    {
        using var project = new JobsScratch();
        project.Write(JobsScratch.GlobalFile, """[{"name": "imdb-rest-api",}]""");

        var errors = project.Errors();

        Assert.That(errors.Select(e => e.Source), Is.EqualTo(new[] { JobsScratch.GlobalFile }), string.Join("\n", errors));
    }

    [Test]
    public void ProblemsInBothItemsAreReportedTogetherEvenWhenTheGlobalItemHasAnotherBadField()
    {
        using var project = new JobsScratch();
        project.RemoveJob("title_crew");
        project.EditJob("title_ratings", j => j["schedule"] = "0 25 * * *");
        project.EditGlobal(g => g["url"] = "{method}{hots}{port}/{prefix}");

        var errors = project.Errors();

        Assert.That(errors.Select(e => (e.Item, e.Message[..e.Message.IndexOf(':')])), Is.EquivalentTo(new[]
        {
            ("title_ratings", "attribute 'schedule'"),
            ("imdb-rest-api", "attribute 'url'"),
            ("imdb-rest-api", "attribute 'jobs'"),
        }));
    }
}
