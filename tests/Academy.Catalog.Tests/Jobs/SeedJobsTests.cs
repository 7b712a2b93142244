using Academy.Catalog.Jobs;
using Academy.Catalog.Tests.Support;

namespace Academy.Catalog.Tests.Jobs;

public class SeedJobsTests
{
    private const string BaseUrl = "https://ogj9fvz5cf.execute-api.eu-central-1.amazonaws.com/v1/imdb";

    [TestCase("title_ratings", BaseUrl + "/partitions/title_ratings")]
    [TestCase("title_crew", BaseUrl + "/partitions/title_crew")]
    [TestCase("name_basics", BaseUrl + "/partitions/name_basics")]
    [TestCase("title_episode", BaseUrl + "/partitions/title_episode")]
    [TestCase("title_basics", BaseUrl + "/partitions/title_basics")]
    [TestCase("title_principals", BaseUrl + "/partitions/title_principals")]
    public void SeedJobResolvesToTheSourcesBaseUrlAndItsPartitionsUrl(string name, string partitionsUrl)
    {
        var catalog = TestProject.Build();
        var global = catalog.ItemsOf("global").Single(i => i.HashKeyValue == "imdb-rest-api");
        var job = catalog.ItemsOf("jobs").Single(i => i.HashKeyValue == name);

        var resolved = JobResolver.Resolve(global.Attributes, job.Attributes);

        Assert.Multiple(() =>
        {
            Assert.That(resolved.Source.BaseUrl, Is.EqualTo(BaseUrl));
            Assert.That(resolved.PartitionsUrl, Is.EqualTo(partitionsUrl));
            Assert.That(resolved.Source.TimeZone, Is.EqualTo("Europe/Zagreb"));
            Assert.That(resolved.Config.Enabled, Is.True);
        });
    }

    [Test]
    public void SeedHasExactlyOneJobPerNameInTheGlobalJobsList()
    {
        var catalog = TestProject.Build();

        var listed = JobSource.From(catalog.ItemsOf("global").Single(i => i.HashKeyValue == "imdb-rest-api").Attributes).Jobs;

        Assert.That(JobResolver.ResolveAll(catalog).Select(j => j.Config.Name), Is.EquivalentTo(listed));
        Assert.That(listed, Has.Count.EqualTo(6));
    }

    // The columns in the order of the IMDb non-commercial datasets' header lines: the ETL maps the
    // TSV by this order, so a missing or swapped column would load wrong data silently.
    [TestCase("title_ratings", "tconst,averageRating,numVotes")]
    [TestCase("title_crew", "tconst,directors,writers")]
    [TestCase("name_basics", "nconst,primaryName,birthYear,deathYear,primaryProfession,knownForTitles")]
    [TestCase("title_episode", "tconst,parentTconst,seasonNumber,episodeNumber")]
    [TestCase("title_basics", "tconst,titleType,primaryTitle,originalTitle,isAdult,startYear,endYear,runtimeMinutes,genres")]
    [TestCase("title_principals", "tconst,ordering,nconst,category,job,characters")]
    public void SeedJobDeclaresTheDatasetsColumnsInFileOrder(string name, string columns)
    {
        var job = JobResolver.ResolveAll(TestProject.Build()).Single(j => j.Config.Name == name).Config;

        Assert.That(job.Columns.Select(c => c.Name), Is.EqualTo(columns.Split(',')));
        Assert.That(job.Format, Is.EqualTo(new SourceFormat("tsv", "gzip", "UTF-8", "\t", Header: true, Quoting: false, "\\N", job.Format.ArrayDelimiter)));
    }

    [Test]
    public void SeedJobItemUsesNativeDynamoDbTypes()
    {
        var item = TestProject.Build().ItemsOf("jobs").Single(i => i.HashKeyValue == "title_principals").Attributes;

        Assert.Multiple(() =>
        {
            Assert.That(item["enabled"].BOOL, Is.True);
            Assert.That(item["primary_key"].L.Select(v => v.S), Is.EqualTo(new[] { "tconst", "ordering" }));
            Assert.That(item["partition_columns"].L.Select(v => v.S), Is.EqualTo(new[] { "category" }));
            Assert.That(item["source_format"].M["header"].BOOL, Is.True);
            Assert.That(item["columns"].L[1].M["name"].S, Is.EqualTo("ordering"));
            Assert.That(item["columns"].L[1].M["nullable"].BOOL, Is.False);
            Assert.That(item["load_mode"].S, Is.EqualTo("incremental"));
            Assert.That(item["watermark_column"].S, Is.EqualTo("tconst"));
        });
    }
}
