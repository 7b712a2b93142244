using Academy.Catalog.Settings;
using Academy.Catalog.Tests.Support;

namespace Academy.Catalog.Tests;

public class ReadmeTests
{
    [Test]
    public void TheConfigReferenceListsEveryKeyWithItsDefault()
    {
        var readme = File.ReadAllLines(TestProject.Repo.Resolve("README.md"));

        Assert.Multiple(() =>
        {
            foreach (var option in ConfigKeys.All)
            {
                var row = readme.FirstOrDefault(l => l.StartsWith($"| `{option.FullKey}` |", StringComparison.Ordinal));
                Assert.That(row, Is.Not.Null, $"README config reference has no row for {option.FullKey}");
                if (row is not null && option.Default is { Length: > 0 } value)
                {
                    Assert.That(row, Does.Contain($"`{value}`"), option.FullKey);
                }
            }
        });
    }
}
