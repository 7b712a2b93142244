using Academy.Catalog.Tests.Support;

namespace Academy.Catalog.Tests;

public class ItemTests
{
    [Test]
    public void ConfigItemsAddToAndReplaceSeedItemsByKey()
    {
        var seed = File.ReadAllText(TestProject.Repo.Resolve("seed/items/global.json")).Trim().TrimStart('[').TrimEnd(']');
        var replacement = seed.Replace("ogj9fvz5cf.execute-api.eu-central-1.amazonaws.com", "mock.example.com", StringComparison.Ordinal);
        Assume.That(replacement, Is.Not.EqualTo(seed));

        var catalog = TestProject.Build(config: new()
        {
            ["items"] = $$"""{"global": [{{replacement}}, {"name": "another-api", "tz": "UTC"}]}""",
        });

        var global = catalog.ItemsOf("global").ToDictionary(i => i.HashKeyValue);
        Assert.Multiple(() =>
        {
            Assert.That(global["imdb-rest-api"].Attributes["host"].S, Is.EqualTo("mock.example.com"));
            Assert.That(global["imdb-rest-api"].Source, Is.EqualTo("config academy:items.global"));
            Assert.That(global["another-api"].ToDynamoJson(), Is.EqualTo("""{"name":{"S":"another-api"},"tz":{"S":"UTC"}}"""));
            Assert.That(global["another-api"].Source, Is.EqualTo("config academy:items.global"));
        });
    }

    [Test]
    public void ItemsAreOrderedByTableAndKeyWhateverTheOrderOfFilesAndLists()
    {
        static string[] Names(string order) => TestProject.Build(config: new() { ["items"] = order })
            .Items.Select(i => i.LogicalName).ToArray();

        var forward = Names("""{"global": [{"name": "a-api"}, {"name": "z-api"}]}""");
        var backward = Names("""{"global": [{"name": "z-api"}, {"name": "a-api"}]}""");

        Assert.That(forward, Is.EqualTo(backward));
        Assert.That(forward, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(forward, Does.Contain("global-imdb-rest-api"));
    }

    [Test]
    public void EveryProblemInEverySourceIsReportedAtOnceWithFileItemAndPosition()
    {
        using var project = new ScratchProject();
        project.Write("seed/items/global.json", """
            [
              {"name": "ok-api"},
              {"tz": "UTC"},
              {"name": 42},
              {"name": ""},
              {"name": "ok-api"}
            ]
            """);
        project.Write("seed/items/unknown.json", "[]");
        project.Write("seed/items/global.dynamodb.json", "[{\"name\": {\"S\": \"x\"},}]");

        var errors = Failures.Of(() => TestProject.Build(paths: project.Paths, config: new()
        {
            ["items"] = """{"nosuch": [], "global": {"name": "x"}}""",
        })).Select(e => e.ToString()).ToList();

        Assert.That(errors, Is.SupersetOf(new[]
        {
            "seed/items/global.json: item '#2': has no key attribute 'name'; every item needs one",
            """seed/items/global.json: item '#3': attribute 'name': the key must be a non-empty string, got {"name":{"N":"42"}}""",
            """seed/items/global.json: item '#4': attribute 'name': the key must be a non-empty string, got {"name":{"S":""}}""",
            "seed/items/global.json: item 'ok-api': duplicate key: items #1 and #5 both have name 'ok-api'",
            "seed/items/unknown.json: names table 'unknown', which is not declared; tables are global, jobs (name files <table>.json or <table>.dynamodb.json)",
            "config academy:items.nosuch: unknown table 'nosuch'; tables are global, jobs",
            "config academy:items.global: must be a list of items, not an object",
        }));
        Assert.That(errors, Has.One.EqualTo(
            "seed/items/global.dynamodb.json: malformed JSON at line 1, position 22: The JSON object contains a trailing comma at the end which is not supported in this mode."));
    }

    [Test]
    public void AnItemOver400KbBySizeRulesIsRejectedWithItsSize()
    {
        var big = new string('x', 400 * 1024);

        var error = Failures.Of(() => TestProject.Build(config: new()
        {
            ["items"] = $$"""{"global": [{"name": "big-api", "blob": "{{big}}"}]}""",
        })).Single();

        Assert.That(error.ToString(), Is.EqualTo(
            "config academy:items.global: item 'big-api': is 409,615 bytes by DynamoDB's size rules; an item may be at most 409,600 bytes (400 KB)"));
    }

    [Test]
    public void AnItemExactlyAtTheLimitIsAccepted()
    {
        // name(4) + "at-limit"(8) + blob(4) = 16 bytes around the payload.
        var payload = new string('x', (400 * 1024) - 16);

        var item = TestProject.Build(config: new()
        {
            ["items"] = $$"""{"global": [{"name": "at-limit", "blob": "{{payload}}"}]}""",
        }).ItemsOf("global").Single(i => i.HashKeyValue == "at-limit");

        Assert.That(item.SizeBytes, Is.EqualTo(409_600));
    }

    [Test]
    public void AListOfNegativeNumbersExactlyAtTheLimitIsAcceptedAndOneByteMoreIsNot()
    {
        // name(4) + key + l(1) + 3 + 102,397 elements of 1 + 3 bytes ("-1" is an exponent byte, a
        // digit pair and a negative terminator) = 409,596 + the key's length.
        static Catalog Build(string key) => TestProject.Build(config: new()
        {
            ["items"] = $$"""{"global": [{"name": "{{key}}", "l": [{{string.Join(",", Enumerable.Repeat("-1", 102_397))}}]}]}""",
        });

        Assert.That(Build("abcd").ItemsOf("global").Single(i => i.HashKeyValue == "abcd").SizeBytes, Is.EqualTo(409_600));
        Assert.That(Failures.Of(() => Build("abcde")).Single().Message, Does.StartWith("is 409,601 bytes"));
    }

    [Test]
    public void NestingOf32LevelsIsAccepted()
    {
        var item = TestProject.Build(config: new() { ["items"] = $$"""{"global": [{"name": "deep", "d": {{Safety.BadInputTests.Nest(31)}}}]}""" })
            .ItemsOf("global").Single(i => i.HashKeyValue == "deep");

        Assert.That(item.ToDynamoJson(), Does.Contain("""{"N":"1"}"""));
    }

    [Test]
    public void SecretConfigItemsAreMarkedSecretAndSeedItemsAreNot()
    {
        var catalog = TestProject.Build(
            config: new() { ["items"] = """{"global": [{"name": "token-api", "token": "s3cr3t"}]}""" },
            secretKeys: ["academy:items"]);

        Assert.That(catalog.ItemsOf("global").Where(i => i.Secret).Select(i => i.HashKeyValue), Is.EqualTo(new[] { "token-api" }));
    }
}
