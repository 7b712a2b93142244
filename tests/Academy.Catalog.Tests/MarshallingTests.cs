using Academy.Catalog.Tests.Support;
using Amazon.DynamoDBv2.Model;

namespace Academy.Catalog.Tests;

public class MarshallingTests
{
    private static IReadOnlyDictionary<string, AttributeValue> ConfigItem(string json)
    {
        var catalog = TestProject.Build(config: new() { ["items"] = $$"""{"global": [{{json}}]}""" });
        return catalog.ItemsOf("global").Single(i => i.HashKeyValue == "probe").Attributes;
    }

    [Test]
    public void EmptyStringsSurviveAtEveryDepth()
    {
        var item = ConfigItem("""{"name": "probe", "port": "", "list": [""], "map": {"inner": ""}}""");

        Assert.Multiple(() =>
        {
            Assert.That(item["port"].S, Is.EqualTo(""));
            Assert.That(item["list"].L.Single().S, Is.EqualTo(""));
            Assert.That(item["map"].M["inner"].S, Is.EqualTo(""));
        });
    }

    [Test]
    public void EmptyAndFilledMapsAndListsAreDeclaredAtEveryDepth()
    {
        // Only an empty map or list is marked set explicitly (the mark copies it); both kinds must
        // still reach DynamoDB JSON as M and L.
        var catalog = TestProject.Build(config: new()
        {
            ["items"] = """{"global": [{"name": "probe", "m": {}, "l": [], "full": {"m": {}, "l": [[], {"x": [1]}]}}]}""",
        });
        var item = catalog.ItemsOf("global").Single(i => i.HashKeyValue == "probe");

        Assert.Multiple(() =>
        {
            Assert.That(item.Attributes["m"].IsMSet && item.Attributes["l"].IsLSet, Is.True);
            Assert.That(item.Attributes["full"].M["l"].L[0].IsLSet, Is.True);
            Assert.That(item.ToDynamoJson(), Does.Contain("""
                "m":{"M":{}},"l":{"L":[]},"full":{"M":{"m":{"M":{}},"l":{"L":[{"L":[]},{"M":{"x":{"L":[{"N":"1"}]}}}]}}}
                """.Trim()));
            Assert.That(catalog.WithJsonOnlyItems().ItemsOf("global").Single(i => i.HashKeyValue == "probe").Attributes["full"].M["m"].IsMSet, Is.True,
                "read back from its JSON, the empty map is still a map");
        });
    }

    [Test]
    public void ItemsOfOneListShareTheirAttributeNamesYetKeepTheirOwn()
    {
        // The marshaller reuses the previous item's name strings where they are equal (memory per
        // item); an item whose names differ, escaped or reordered, must still get exactly its own.
        var catalog = TestProject.Build(config: new()
        {
            ["items"] = """
                {"global": [
                  {"name": "p1", "host": "a", "nested": {"even": true}},
                  {"name": "p2", "host": "b", "nested": {"even": false}},
                  {"na\u006de": "p3", "nested": {"odd": 1}, "host": "c", "h\u00f6st": "d"}
                ]}
                """,
        });
        var items = new[] { "p1", "p2", "p3" }.Select(k => catalog.ItemsOf("global").Single(i => i.HashKeyValue == k).Attributes).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(items[2].Keys, Is.EqualTo(new[] { "name", "nested", "host", "h\u00f6st" }));
            Assert.That(items[2]["nested"].M.Keys, Is.EqualTo(new[] { "odd" }));
            Assert.That(items[1]["nested"].M.Keys, Is.EqualTo(new[] { "even" }));
            Assert.That(items[1].Keys.First(), Is.SameAs(items[0].Keys.First()), "the second item holds the first one's name string, not a copy");
            Assert.That(items[1]["nested"].M.Keys.Single(), Is.SameAs(items[0]["nested"].M.Keys.Single()));
        });
    }

    [Test]
    public void NumbersKeepTheirDecimalTextUpTo38Digits()
    {
        var item = ConfigItem("""{"name": "probe", "big": 12345678901234567890123456789012345678, "fraction": 0.1000000000000000055511151231257827, "small": -1.5e-100}""");

        Assert.Multiple(() =>
        {
            Assert.That(item["big"].N, Is.EqualTo("12345678901234567890123456789012345678"));
            Assert.That(item["fraction"].N, Is.EqualTo("0.1000000000000000055511151231257827"));
            Assert.That(item["small"].N, Is.EqualTo("-0." + new string('0', 99) + "15"), "plain notation, as DynamoDB returns it");
        });
    }

    [TestCase("1.0", "1")]
    [TestCase("1e2", "100")]
    [TestCase("1E+2", "100")]
    [TestCase("0.0", "0")]
    [TestCase("-0", "0")]
    [TestCase("-0.000e7", "0")]
    [TestCase("1e-05", "0.00001")]
    [TestCase("007", "7")]
    [TestCase("-007.50", "-7.5")]
    [TestCase(".5", "0.5")]
    [TestCase("5.", "5")]
    [TestCase("0e99999999999", "0")]
    [TestCase("1.5e5", "150000")]
    [TestCase("-2.5e-7", "-0.00000025")]
    public void NumbersAreDeclaredInTheTextDynamoDbReturnsForThem(string written, string canonical)
    {
        using var project = new ScratchProject();
        project.Write("seed/items/global.dynamodb.json", $$$"""[{"name": {"S": "probe"}, "n": {"N": "{{{written}}}"}, "set": {"NS": ["{{{written}}}"]}}]""");

        var item = TestProject.Build(paths: project.Paths).ItemsOf("global").Single(i => i.HashKeyValue == "probe");

        Assert.That(item.ToDynamoJson(), Is.EqualTo($$$"""{"name":{"S":"probe"},"n":{"N":"{{{canonical}}}"},"set":{"NS":["{{{canonical}}}"]}}"""));
    }

    [Test]
    public void PlainJsonNumbersAreDeclaredInCanonicalTextToo()
    {
        var item = ConfigItem("""{"name": "probe", "one": 1.0, "hundred": 1e2, "zero": -0, "small": 1e-05}""");

        Assert.That(new[] { item["one"].N, item["hundred"].N, item["zero"].N, item["small"].N }, Is.EqualTo(new[] { "1", "100", "0", "0.00001" }));
    }

    [Test]
    public void SetsAreDeclaredSortedStringsOrdinallyNumbersByValueBinaryByBytes()
    {
        using var project = new ScratchProject();
        project.Write("seed/items/global.dynamodb.json", """
            [{"name": {"S": "probe"}, "ss": {"SS": ["b", "B", "a"]}, "ns": {"NS": ["10", "9", "-1", "1e-3"]}, "bs": {"BS": ["/w==", "AQ==", "AA=="]}}]
            """);

        var item = TestProject.Build(paths: project.Paths).ItemsOf("global").Single(i => i.HashKeyValue == "probe");

        Assert.That(item.ToDynamoJson(), Is.EqualTo(
            """{"name":{"S":"probe"},"ss":{"SS":["B","a","b"]},"ns":{"NS":["-1","0.001","9","10"]},"bs":{"BS":["AA==","AQ==","/w=="]}}"""));
    }

    [Test]
    public void EveryJsonTypeMapsToItsDynamoDbType()
    {
        var json = TestProject.Build(config: new()
        {
            ["items"] = """{"global": [{"name": "probe", "on": true, "off": false, "none": null, "list": [1, "a"], "map": {"k": {"n": 2}}}]}""",
        }).ItemsOf("global").Single(i => i.HashKeyValue == "probe").ToDynamoJson();

        Assert.That(json, Is.EqualTo(
            """{"name":{"S":"probe"},"on":{"BOOL":true},"off":{"BOOL":false},"none":{"NULL":true},"list":{"L":[{"N":"1"},{"S":"a"}]},"map":{"M":{"k":{"M":{"n":{"N":"2"}}}}}}"""));
    }

    [Test]
    public void NumbersBeyondDynamoDbsPrecisionOrRangeAreRejectedWithTheirPath()
    {
        var errors = Failures.Of(() => TestProject.Build(config: new()
        {
            ["items"] = """{"global": [{"name": "probe", "deep": {"list": [123456789012345678901234567890123456789]}, "huge": 1e200}]}""",
        }));

        Assert.That(errors.Select(e => e.ToString()), Is.EquivalentTo(new[]
        {
            "config academy:items.global: item 'probe': attribute 'deep.list[0]': 123456789012345678901234567890123456789 has 39 significant digits; DynamoDB keeps at most 38",
            "config academy:items.global: item 'probe': attribute 'huge': 1e200 is outside DynamoDB's range: magnitudes from 1E-130 to 9.99...E+125 (and 0)",
        }));
    }

    [Test]
    public void ADynamoDbJsonFileGivesTheSameItemAsItsPlainTwin()
    {
        using var project = new ScratchProject();
        project.Write("seed/items/global.dynamodb.json", """
            {"Items": [{"name": {"S": "probe"}, "port": {"S": ""}, "n": {"N": "7"}, "tags": {"SS": ["a", "b"]},
                        "on": {"BOOL": true}, "list": {"L": [{"NULL": true}]}}],
             "Count": 1, "ScannedCount": 1, "ConsumedCapacity": null}
            """);
        var fromDynamo = TestProject.Build(paths: project.Paths).ItemsOf("global").Single(i => i.HashKeyValue == "probe");

        Assert.Multiple(() =>
        {
            Assert.That(fromDynamo.Source, Is.EqualTo("seed/items/global.dynamodb.json"));
            Assert.That(fromDynamo.ToDynamoJson(), Is.EqualTo(
                """{"name":{"S":"probe"},"port":{"S":""},"n":{"N":"7"},"tags":{"SS":["a","b"]},"on":{"BOOL":true},"list":{"L":[{"NULL":true}]}}"""));
        });
    }
}
