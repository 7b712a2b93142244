using Academy.Catalog.Items;
using Academy.Catalog.Tests.Support;

namespace Academy.Catalog.Tests;

public class KeyIdentityTests
{
    private static ScratchProject WithTable(string key, string hashType, string? rangeType, string items)
    {
        var project = new ScratchProject();
        var tables = File.ReadAllText(Path.Combine(project.Root, "seed/tables.json")).TrimEnd().TrimEnd('}');
        var definitions = $$"""{"AttributeName": "h", "AttributeType": "{{hashType}}"}""" + (rangeType is null ? "" : $$""", {"AttributeName": "r", "AttributeType": "{{rangeType}}"}""");
        var schema = """{"AttributeName": "h", "KeyType": "HASH"}""" + (rangeType is null ? "" : """, {"AttributeName": "r", "KeyType": "RANGE"}""");
        project.Write("seed/tables.json", tables + $$$""", "{{{key}}}": {"AttributeDefinitions": [{{{definitions}}}], "KeySchema": [{{{schema}}}]}}""");
        project.Write($"seed/items/{key}.json", items);
        return project;
    }

    [Test]
    public void NumberKeysEqualByValueAreOneItemAndTheDuplicateNamesBoth()
    {
        using var project = WithTable("counts", "N", null, """[{"h": 1}, {"h": 1.0}]""");

        var error = Failures.Of(() => TestProject.Build(paths: project.Paths)).Single();

        Assert.That(error.ToString(), Is.EqualTo(
            "seed/items/counts.json: item '1.0': duplicate key: items #1 and #2 both have h '1' ('1' and '1.0' are equal by value, and DynamoDB compares keys by value)"));
    }

    [Test]
    public void NumberKeysAreDeclaredAndNamedInCanonicalText()
    {
        using var project = WithTable("counts", "N", null, """[{"h": 1e2}]""");

        var item = TestProject.Build(paths: project.Paths).ItemsOf("counts").Single();

        Assert.Multiple(() =>
        {
            Assert.That(item.HashKeyValue, Is.EqualTo("100"));
            Assert.That(item.LogicalName, Is.EqualTo("counts-100"));
            Assert.That(item.ToDynamoJson(), Is.EqualTo("""{"h":{"N":"100"}}"""));
        });
    }

    [Test]
    public void KeysWithSlashesInEitherPartAreDifferentItemsWithDifferentNames()
    {
        using var project = WithTable("runs", "S", "S", """[{"h": "a/b", "r": "c"}, {"h": "a", "r": "b/c"}, {"h": "a%2Fb", "r": "c"}]""");

        var items = TestProject.Build(paths: project.Paths).ItemsOf("runs").ToList();

        Assert.That(items.Select(i => i.Key), Is.EquivalentTo(new[] { new ItemKey("a/b", "c"), new ItemKey("a", "b/c"), new ItemKey("a%2Fb", "c") }));
        Assert.That(items.Select(i => i.LogicalName), Is.EquivalentTo(new[] { "runs-a%2Fb/c", "runs-a/b%2Fc", "runs-a%252Fb/c" }));
    }

    [Test]
    public void HashOnlyTablesKeepTheirResourceNamesExactly()
    {
        var names = TestProject.Build(config: new() { ["items"] = """{"global": [{"name": "a/b%c"}]}""" }).Items.Select(i => i.LogicalName);

        Assert.That(names, Does.Contain("global-a/b%c").And.Contain("global-imdb-rest-api").And.Contain("jobs-title_ratings"));
    }

    [Test]
    public void ItemsInTwoTablesWhoseResourceNamesWouldClashAreRefusedNamingBoth()
    {
        using var project = WithTable("global-x", "S", null, """[{"h": "y"}]""");
        project.Write("seed/items/global.dynamodb.json", """[{"name": {"S": "x-y"}}]""");

        var error = Failures.Of(() => TestProject.Build(paths: project.Paths)).Single();

        Assert.That(error.ToString(), Is.EqualTo(
            "seed/items/global-x.json: item 'y': its resource name 'global-x-y' is also the name of item 'x-y' of table 'global' (seed/items/global.dynamodb.json); rename a table or change a key"));
    }
}
