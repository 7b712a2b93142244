using Academy.Catalog.Adopt;
using Academy.Catalog.Tests.Support;

namespace Academy.Catalog.Tests.Adopt;

/// <summary>academy:adopt: which declared tables and items are imported, by which id, and what is refused.</summary>
public class AdoptTests
{
    [Test]
    public void ListedTablesAndItemsGetTheProvidersImportIdsAndNothingElseDoes()
    {
        var catalog = TestProject.Build(config: new() { ["adopt"] = """{"global": ["imdb-rest-api"], "jobs": []}""" });

        var global = catalog.Table("global");
        var jobs = catalog.Table("jobs");
        Assert.That(catalog.Adopt.Tables, Is.EquivalentTo(new[] { "global", "jobs" }));
        Assert.That(catalog.Adopt.ImportId(global), Is.EqualTo("alice-academy-global"));
        Assert.That(catalog.Adopt.ImportId(jobs), Is.EqualTo("alice-academy-jobs"));
        var seed = catalog.ItemsOf("global").Single(i => i.HashKeyValue == "imdb-rest-api");
        Assert.That(catalog.Adopt.ImportId(global, seed), Is.EqualTo("alice-academy-global,imdb-rest-api"));
        Assert.That(catalog.Items.Where(i => i != seed).Select(i => catalog.Adopt.ImportId(catalog.Table(i.TableKey), i)),
            Is.Not.Empty.And.All.Null);
    }

    [TestCase(null)]
    [TestCase("{}")]
    public void WithoutAdoptNothingIsImported(string? adopt)
    {
        var config = adopt is null ? new Dictionary<string, string>() : new() { ["adopt"] = adopt };

        var catalog = TestProject.Build(config: config);

        Assert.That(catalog.Adopt.Tables, Is.Empty);
        Assert.That(catalog.Adopt.Items, Is.Empty);
        Assert.That(catalog.Tables.Select(t => catalog.Adopt.ImportId(t)), Is.All.Null);
    }

    [Test]
    public void EveryProblemIsReportedAtOnceNamingTheTableKeyAndTheItem()
    {
        var errors = Failures.Of(() => TestProject.Build(config: new()
        {
            ["adopt"] = """
                {"global": ["imdb-rest-api", "imdb-rest-api", "not-declared", 42, {"name": "x"}, ""],
                 "jobs": "title_ratings", "nope": []}
                """,
            ["billingMode"] = "CHEAP",
        }));

        var texts = errors.Select(e => e.ToString()).ToList();
        Assert.That(texts, Has.Some.EqualTo("config academy:adopt.global: item 'imdb-rest-api': is listed more than once"));
        Assert.That(texts, Has.Some.StartsWith("config academy:adopt.global: item 'not-declared': is not declared"));
        Assert.That(texts, Has.Some.StartsWith("config academy:adopt.global: item '42': is a number, but key 'name' is of type S"));
        Assert.That(texts, Has.Some.StartsWith("config academy:adopt.global: item '{\"name\": \"x\"}': is not a value of key 'name'"));
        Assert.That(texts, Has.Some.StartsWith("config academy:adopt.global: item '\"\"': is not a value of key 'name'"));
        Assert.That(texts, Has.Some.StartsWith("config academy:adopt.jobs: must be a list of the table's item keys"));
        Assert.That(texts, Has.Some.EqualTo("config academy:adopt.nope: 'nope' is not a declared table; declared: global, jobs"));
        Assert.That(texts, Has.Some.StartsWith("config academy:billingMode:"));
        Assert.That(errors, Has.Count.EqualTo(8));
    }

    [TestCase("[]", "must be an object, not an array")]
    [TestCase("{\"global\": ", "")]
    public void AnAdoptValueThatIsNotAnObjectIsOneErrorNamingTheKey(string adopt, string message)
    {
        var errors = Failures.Of(() => TestProject.Build(config: new() { ["adopt"] = adopt }));

        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0].Source, Is.EqualTo("config academy:adopt"));
        Assert.That(errors[0].Message, Does.Contain(message));
    }

    [Test]
    public void AnItemWhoseKeyHasACommaCannotBeAdoptedByImportId()
    {
        var errors = Failures.Of(() => TestProject.Build(config: new()
        {
            ["items"] = """{"global": [{"name": "a,b", "note": "made by hand"}]}""",
            ["adopt"] = """{"global": ["a,b"]}""",
        }));

        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            "config academy:adopt.global: item 'a,b': its key contains ',', which a Pulumi import id cannot carry; remove it from academy:adopt and delete the live item so that `pulumi up` creates it",
        }));
        Assert.Throws<ArgumentException>(() => ImportIds.Item(
            TestProject.Build().Table("global"),
            TestProject.Build(config: new() { ["items"] = """{"global": [{"name": "a,b"}]}""" }).ItemsOf("global").Single(i => i.HashKeyValue == "a,b")));
    }

    [Test]
    public void ARangeKeyTableImportsItemsByHashAndRangeWithNumbersAndBinaryAsText()
    {
        using var project = new ScratchProject();
        project.Write("seed/tables.json", """
            {
              "runs": {
                "AttributeDefinitions": [
                  { "AttributeName": "job", "AttributeType": "N" },
                  { "AttributeName": "at", "AttributeType": "B" }
                ],
                "KeySchema": [
                  { "AttributeName": "job", "KeyType": "HASH" },
                  { "AttributeName": "at", "KeyType": "RANGE" }
                ]
              }
            }
            """);
        foreach (var file in Directory.GetFiles(Path.Combine(project.Root, "seed/items")))
        {
            File.Delete(file);
        }

        project.Write("seed/items/runs.dynamodb.json", """
            [
              {"job": {"N": "7"}, "at": {"B": "AAEC"}},
              {"job": {"N": "8"}, "at": {"B": "AAEC"}}
            ]
            """);

        var catalog = TestProject.Build(paths: project.Paths, config: new() { ["adopt"] = """{"runs": [[7, "AAEC"]]}""" });

        var runs = catalog.Table("runs");
        var adopted = catalog.Items.Single(i => i.HashKeyValue == "7");
        Assert.That(catalog.Adopt.ImportId(runs, adopted), Is.EqualTo("alice-academy-runs,7,AAEC"));
        Assert.That(catalog.Adopt.ImportId(runs, catalog.Items.Single(i => i.HashKeyValue == "8")), Is.Null);

        var errors = Failures.Of(() => TestProject.Build(paths: project.Paths, config: new() { ["adopt"] = """{"runs": ["7"]}""" }));
        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            "config academy:adopt.runs: item '\"7\"': the table has a range key, so each entry is a two-element list [job, at]",
        }));
    }

    [TestCase("7.0")]
    [TestCase("7e0")]
    [TestCase("007")]
    public void AnAdoptEntryMatchesItsItemByValueAsDynamoDbComparesKeys(string written)
    {
        using var project = new ScratchProject();
        project.Write("seed/tables.json", """
            {
              "runs": {
                "AttributeDefinitions": [ { "AttributeName": "job", "AttributeType": "N" } ],
                "KeySchema": [ { "AttributeName": "job", "KeyType": "HASH" } ]
              }
            }
            """);
        foreach (var file in Directory.GetFiles(Path.Combine(project.Root, "seed/items")))
        {
            File.Delete(file);
        }

        project.Write("seed/items/runs.json", """[{"job": 7}]""");

        var catalog = TestProject.Build(paths: project.Paths, config: new() { ["adopt"] = $$"""{"runs": ["{{written}}"]}""" });

        Assert.That(catalog.Adopt.ImportId(catalog.Table("runs"), catalog.Items.Single()), Is.EqualTo("alice-academy-runs,7"));
    }

    [TestCase("academy:adopt")]
    [TestCase("academy:items")]
    public void WithASecretAdoptOrItemsKeyAdoptMessagesNameItemsByPositionNotKey(string secretKey)
    {
        var errors = Failures.Of(() => TestProject.Build(
            config: new()
            {
                ["adopt"] = """{"global": ["imdb-rest-api", "private-notes"]}""",
                ["items"] = """{"global": [{"name": "api-token", "token": "s3cr3t"}]}""",
            },
            secretKeys: [secretKey]));

        Assert.That(errors.Single().ToString(), Does.StartWith("config academy:adopt.global: item 'entry 2': is not declared")
            .And.Not.Contain("private-notes"));
    }
}
