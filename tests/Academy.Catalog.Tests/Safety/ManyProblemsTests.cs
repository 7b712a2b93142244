using Academy.Catalog.Errors;
using Academy.Catalog.Settings;

namespace Academy.Catalog.Tests.Safety;

/// <summary>
/// Thousands of problems of one kind (stray files in seed/items) are one screen, not thousands of
/// lines: the message lists the first ones and says how many more there are; the exception keeps the
/// first <see cref="ErrorList.Kept"/> and counts the rest.
/// </summary>
public class ManyProblemsTests
{
    [Test]
    public void TheMessageListsTheFirstProblemsAndCountsTheRest()
    {
        using var project = new ScratchProject();
        for (var i = 0; i < 2_000; i++)
        {
            project.Write($"seed/items/stray{i:D4}.json", "[]");
        }

        var error = Assert.Throws<CatalogException>(() => CatalogBuilder.Build(new DictionaryConfigSource("bob"), project.Paths))!;
        var lines = error.Message.Split(Environment.NewLine);

        Assert.Multiple(() =>
        {
            Assert.That(error.Errors, Has.Count.EqualTo(2_000), "every problem is still known");
            Assert.That(lines[0], Is.EqualTo("The academy catalog has 2,000 problems; nothing was created:"));
            Assert.That(lines, Has.Length.EqualTo(1 + CatalogException.Listed + 1));
            Assert.That(lines[1], Does.StartWith("  - seed/items/stray0000.json: names table 'stray0000', which is not declared"));
            Assert.That(lines[^1], Is.EqualTo("  - ... and 1,950 more; fix these and run again to see the rest"));
        });
    }

    // One alias of a JSON list of 1,000 unknown jobs under 1,000 items is a million problems from a
    // 40 KB roster: kept, they took a gigabyte. Past the first ten thousand they are only counted.
    [Test]
    public void PastTheKeptProblemsTheRestAreCountedNotKept()
    {
        var errors = new ErrorList();
        var secret = errors.Concerning(secret: true);
        for (var i = 0; i < ErrorList.Kept + 5; i++)
        {
            (i % 2 == 0 ? errors : secret).Add("seed/items/global.json", $"job-{i}", "names a job that is not declared");
        }

        var error = Assert.Throws<CatalogException>(errors.ThrowIfAny)!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Errors, Has.Count.EqualTo(ErrorList.Kept));
            Assert.That(error.Count, Is.EqualTo(ErrorList.Kept + 5));
            Assert.That(error.Message.Split(Environment.NewLine)[0], Is.EqualTo("The academy catalog has 10,005 problems; nothing was created:"));
            Assert.That(error.Message.Split(Environment.NewLine)[^1], Is.EqualTo("  - ... and 9,955 more; fix these and run again to see the rest"));
        });
    }

    [Test]
    public void ProblemsOnlyCountedInALearnersListAreCountedInTheCourses()
    {
        var learner = new ErrorList();
        for (var i = 0; i < ErrorList.Kept + 7; i++)
        {
            learner.Add("course/roster.yaml:2: learner 'ann'", null, "a problem");
        }

        var course = new ErrorList();
        course.Add("course/roster.yaml", null, "another problem");
        course.AddAll(learner);

        Assert.That((course.Errors.Count, course.Count), Is.EqualTo((ErrorList.Kept, ErrorList.Kept + 8)));
    }
}
