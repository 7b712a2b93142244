using Academy.Catalog.Errors;
using Academy.Catalog.Settings;

namespace Academy.Catalog.Tests.Safety;

/// <summary>
/// Thousands of problems of one kind (stray files in seed/items) are one screen, not thousands of
/// lines: the message lists the first ones and says how many more there are; the exception keeps all.
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
}
