namespace Academy.Infra.Tests;

/// <summary>How the program reads the key list and secret marks Pulumi passes in its environment.</summary>
public class PulumiConfigSourceTests
{
    [Test]
    public void ConfigNamesAreTheAcademyKeysWithoutNamespaceInEitherSpelling()
    {
        const string config = """
            {"academy:user": "bob", "aws:region": "eu-central-1", "academy:config:items": "{}", "academy:colour": "blue"}
            """;

        Assert.That(PulumiConfigSource.NamesIn(config), Is.EquivalentTo(new[] { "user", "items", "colour" }));
    }

    [Test]
    public void SecretKeysAreReadFromTheJsonArray()
    {
        Assert.That(PulumiConfigSource.NamesIn("""["academy:items", "aws:secretKey"]"""), Is.EqualTo(new[] { "items" }));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("[]")]
    [TestCase("{}")]
    public void NothingSetMeansNoNames(string? json)
    {
        Assert.That(PulumiConfigSource.NamesIn(json), Is.Empty);
    }
}
