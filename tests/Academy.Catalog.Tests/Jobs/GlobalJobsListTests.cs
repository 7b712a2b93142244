using System.Text.Json.Nodes;

namespace Academy.Catalog.Tests.Jobs;

public class GlobalJobsListTests
{
    [TestCase("""["title_ratings", "title_crew",]""", "is not a valid JSON list of job names (malformed JSON at line 1")]
    [TestCase("""{"title_ratings": true}""", "must hold a JSON list of job names")]
    [TestCase("""["title_ratings", 42]""", "element 1 of the JSON list is 42; every element must be a job name in quotes")]
    [TestCase("""["title_ratings", ""]""", "element 1 of the JSON list is \"\"")]
    [TestCase("""["title_ratings","title_crew","name_basics","title_episode","title_basics","title_principals","title_crew"]""", "lists 'title_crew' twice")]
    public void AJobsAttributeThatIsNotAJsonStringListIsAnErrorOnTheGlobalItem(string jobs, string message)
    {
        using var project = new JobsScratch();
        project.EditGlobal(g => g["jobs"] = jobs);

        var error = project.Errors().Single();

        Assert.Multiple(() =>
        {
            Assert.That(error.Source, Is.EqualTo(JobsScratch.GlobalFile));
            Assert.That(error.Item, Is.EqualTo("imdb-rest-api"));
            Assert.That(error.Message, Does.StartWith($"attribute 'jobs': {message}"));
        });
    }

    [Test]
    public void AJobsAttributeWrittenAsANativeListIsRejectedBecauseTheCoursesEtlDecodesAString()
    {
        using var project = new JobsScratch();
        project.EditGlobal(g => g["jobs"] = new JsonArray("title_ratings"));

        var error = project.Errors().Single();

        Assert.That(error.Item, Is.EqualTo("imdb-rest-api"));
        Assert.That(error.Message, Does.StartWith("attribute 'jobs': must be a string holding a JSON list of job names"));
        Assert.That(error.Message, Does.EndWith("""got {"L":[{"S":"title_ratings"}]}"""));
    }

    [Test]
    public void ASourceWithoutTimeZoneIsAnErrorBecauseSchedulesAreReadInIt()
    {
        using var project = new JobsScratch();
        project.EditGlobal(g => g.Remove("tz"));

        var error = project.Errors().Single();

        Assert.That(error.Item, Is.EqualTo("imdb-rest-api"));
        Assert.That(error.Message, Does.StartWith("attribute 'tz': is missing; it must be a string (S)"));
    }
}
