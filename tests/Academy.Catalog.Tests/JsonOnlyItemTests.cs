using Academy.Catalog.Items;
using Academy.Catalog.Tests.Support;
using Amazon.DynamoDBv2.Model;

namespace Academy.Catalog.Tests;

/// <summary>
/// The Pulumi program holds its items as DynamoDB JSON only (<see cref="CatalogItem.WithJsonOnly"/>):
/// what it declares, sizes and reads back must be what the item held as attribute values.
/// </summary>
public class JsonOnlyItemTests
{
    // Every type DynamoDB JSON has, sets out of order, numbers in non-canonical text, an empty string.
    private const string EveryType = """
        [{"name": {"S": "every-type"}, "empty": {"S": ""}, "n": {"N": "1.50"}, "big": {"N": "-1.2E+30"},
          "b": {"B": "AAEC/w=="}, "yes": {"BOOL": true}, "nothing": {"NULL": true},
          "ss": {"SS": ["b", "a"]}, "ns": {"NS": ["10", "9.0"]}, "bs": {"BS": ["Ag==", "AQ=="]},
          "m": {"M": {"inner": {"L": [{"S": "x"}, {"M": {}}, {"L": []}, {"N": "0"}]}}}}]
        """;

    [Test]
    public void AnItemHeldAsJsonOnlyDeclaresSizesAndReadsBackAsItWasHeld()
    {
        using var project = new ScratchProject();
        project.Write("seed/items/global.dynamodb.json", EveryType);
        var catalog = TestProject.Build(paths: project.Paths);

        var reduced = catalog.WithJsonOnlyItems();

        Assert.That(reduced.Items, Has.Count.EqualTo(catalog.Items.Count));
        foreach (var (held, json) in catalog.Items.Zip(reduced.Items))
        {
            Assert.Multiple(() =>
            {
                Assert.That(json.LogicalName, Is.EqualTo(held.LogicalName));
                Assert.That(json.ToDynamoJson(), Is.EqualTo(held.ToDynamoJson()));
                Assert.That(json.ToDynamoJson(indented: true), Is.EqualTo(held.ToDynamoJson(indented: true)));
                Assert.That(json.SizeBytes, Is.EqualTo(held.SizeBytes));
                Assert.That(json.HasSet, Is.EqualTo(held.HasSet));
                Assert.That(DynamoJsonWriter.Write(json.Attributes), Is.EqualTo(DynamoJsonWriter.Write(held.Attributes)));
                Assert.That(json.Attributes.Keys, Is.EqualTo(held.Attributes.Keys), "attribute order");
            });
        }

        var every = reduced.Items.Single(i => i.HashKeyValue == "every-type");
        Assert.Multiple(() =>
        {
            Assert.That(every.Attributes["b"].B.ToArray(), Is.EqualTo(new byte[] { 0, 1, 2, 255 }));
            Assert.That(every.Attributes["ns"].NS, Is.EqualTo(new[] { "9", "10" }));
            Assert.That(every.Attributes["m"].M["inner"].L[1].IsMSet, Is.True, "an empty map stays a map");
            Assert.That(every.Attributes["m"].M["inner"].L[2].IsLSet, Is.True, "an empty list stays a list");
            Assert.That(every.HasSet, Is.True);
        });
    }

    [Test]
    public void AnItemNested32LevelsReadsBackFromItsJson()
    {
        var item = TestProject.Build(config: new() { ["items"] = $$"""{"global": [{"name": "deep", "d": {{Safety.BadInputTests.Nest(31)}}}]}""" })
            .ItemsOf("global").Single(i => i.HashKeyValue == "deep");

        var json = item.WithJsonOnly();

        Assert.That(DynamoJsonWriter.Write(json.Attributes), Is.EqualTo(item.ToDynamoJson()));
    }

    [Test]
    public void NewAttributesOnAJsonOnlyItemReplaceItsJsonAndSize()
    {
        var item = TestProject.Build().ItemsOf("global").Single(i => i.HashKeyValue == "imdb-rest-api").WithJsonOnly();
        var other = new Dictionary<string, AttributeValue> { ["name"] = new() { S = "imdb-rest-api" }, ["tz"] = new() { S = "UTC" } };

        var replaced = item with { Attributes = other };

        Assert.Multiple(() =>
        {
            Assert.That(replaced.ToDynamoJson(), Is.EqualTo("""{"name":{"S":"imdb-rest-api"},"tz":{"S":"UTC"}}"""));
            Assert.That(replaced.SizeBytes, Is.EqualTo(ItemSize.Of(other)));
            Assert.That(replaced.Attributes, Is.SameAs(other));
            Assert.That(item.ToDynamoJson(), Does.Contain("Europe/Zagreb"), "the item it was made from is unchanged");
        });
    }
}
