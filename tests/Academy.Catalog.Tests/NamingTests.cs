using Academy.Catalog.Tests.Support;

namespace Academy.Catalog.Tests;

public class NamingTests
{
    [Test]
    public void AcademyUserNamesTheTablesAndOverridesTheStackName()
    {
        var catalog = TestProject.Build("dev", new() { ["academy:user"] = "bob" });

        Assert.That(catalog.Tables.Select(t => t.Name), Is.EqualTo(new[] { "bob-academy-global", "bob-academy-jobs" }));
        Assert.That(catalog.Table("global").Options.Tags["learner"], Is.EqualTo("bob"));
    }

    [TestCase("bad name!")]
    [TestCase("ünïcode")]
    public void AnInvalidUserIsReportedOnceNamingTheKeyAndValue(string user)
    {
        var errors = Failures.Of(() => TestProject.Build("dev", new() { ["user"] = user }));

        var error = errors.Single();
        Assert.That(error.Source, Is.EqualTo("config academy:user"));
        Assert.That(error.Message, Does.StartWith($"'{user}' cannot name a table").And.Contain("a-z, A-Z, 0-9, '_', '-' and '.'"));
    }

    [Test]
    public void ATooLongUserIsReportedWithTheLength()
    {
        var user = new string('u', 250);

        var error = Failures.Of(() => TestProject.Build("dev", new() { ["user"] = user })).Single();

        Assert.That(error.Message, Does.Contain("is 265 characters; DynamoDB allows 3 to 255"));
    }

    [Test]
    public void AnInvalidStackNameUsedAsUserSaysSo()
    {
        var error = Failures.Of(() => TestProject.Build("my stack")).Single();

        Assert.That(error.Source, Is.EqualTo("config academy:user (not set, so the stack name 'my stack')"));
    }
}
