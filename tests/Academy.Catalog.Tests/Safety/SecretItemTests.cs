using Academy.Catalog.Tests.Support;

namespace Academy.Catalog.Tests.Safety;

/// <summary>
/// `pulumi config set --secret --path 'academy:items.global[0].api_token' ...` makes academy:items a
/// secret key, so every item declared there is secret; seed items (in git) never are.
/// </summary>
public class SecretItemTests
{
    private static readonly Dictionary<string, string> ConfigWithToken = new()
    {
        ["items"] = """{"global": [{"name": "imdb-rest-api-auth", "api_token": "tok-123"}, {"name": "other"}]}""",
    };

    [Test]
    public void EveryItemFromSecretConfigIsSecretAndSeedItemsAreNot()
    {
        var catalog = TestProject.Build(config: ConfigWithToken, secretKeys: ["academy:items"]);

        var fromConfig = catalog.Items.Where(i => i.Source.StartsWith("config academy:items", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(fromConfig.Select(i => i.HashKeyValue), Is.EquivalentTo(new[] { "imdb-rest-api-auth", "other" }));
            Assert.That(fromConfig, Has.All.Matches<Items.CatalogItem>(i => i.Secret));
            var fromSeed = catalog.Items.Except(fromConfig).ToList();
            Assert.That(fromSeed, Is.Not.Empty);
            Assert.That(fromSeed, Has.All.Matches<Items.CatalogItem>(i => !i.Secret));
        });
    }

    [Test]
    public void TheSameItemsFromPlainConfigAreNotSecret()
    {
        var catalog = TestProject.Build(config: ConfigWithToken);

        Assert.That(catalog.Items, Has.None.Matches<Items.CatalogItem>(i => i.Secret));
    }

    [Test]
    public void ValuesFromSecretConfigAreMaskedInErrorMessages()
    {
        const string value = "123456789012345678901234567890123456789";
        var config = new Dictionary<string, string> { ["items"] = $$"""{"global": [{"name": "tok-api", "token": {{value}}}]}""" };

        var plain = Failures.Of(() => TestProject.Build(config: config)).Single();
        var secret = Failures.Of(() => TestProject.Build(config: config, secretKeys: ["academy:items"])).Single();

        Assert.Multiple(() =>
        {
            Assert.That(plain.Message, Does.Contain(value));
            Assert.That(secret.ToString(), Does.Not.Contain(value));
            Assert.That(secret.ToString(), Is.EqualTo(
                "config academy:items.global: item 'tok-api': attribute 'token': *** has 39 significant digits; DynamoDB keeps at most 38"));
        });
    }
}
