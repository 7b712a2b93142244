using Academy.Catalog.Settings;
using Academy.Catalog.Tests.Support;

namespace Academy.Catalog.Tests;

/// <summary>docs/configuration.md's config reference is <see cref="ConfigKeys"/>, row for row.</summary>
public class ConfigurationDocTests
{
    [Test]
    public void TheConfigReferenceIsConfigKeysRowForRow()
    {
        var rows = File.ReadAllLines(TestProject.Repo.Resolve("docs/configuration.md"))
            .Where(l => l.StartsWith($"| `{ConfigKeys.Namespace}:", StringComparison.Ordinal))
            .ToList();

        // On a mismatch NUnit prints the first differing row; the expected one is the text to paste.
        Assert.That(rows, Is.EqualTo(ConfigKeys.All.Select(ConfigReference.DocRow)));
    }
}
