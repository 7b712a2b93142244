using Academy.Catalog.Settings;
using Academy.Catalog.Tables;
using Academy.Catalog.Tests.Support;

namespace Academy.Catalog.Tests;

public class TableTests
{
    [Test]
    public void DefaultStackGetsTwoTablesKeyedOnNameWithOnlyTheKeyDefined()
    {
        var tables = TestProject.Build("alice").Tables;

        Assert.That(tables.Select(t => t.Name), Is.EqualTo(new[] { "alice-academy-global", "alice-academy-jobs" }));
        Assert.Multiple(() =>
        {
            foreach (var table in tables)
            {
                Assert.That(table.AttributeDefinitions, Is.EqualTo(new[] { new KeyAttribute("name", "S") }), table.Name);
                Assert.That(table.HashKey, Is.EqualTo(new KeyAttribute("name", "S")));
                Assert.That(table.RangeKey, Is.Null);
                Assert.That((table.Options.BillingMode, table.Options.ReadCapacity, table.Options.WriteCapacity), Is.EqualTo((BillingMode.Provisioned, 1, 1)));
                Assert.That(table.Options.PointInTimeRecovery || table.Options.DeletionProtection || table.Options.ServerSideEncryption, Is.False);
            }
        });
    }

    [Test]
    public void TablesOfNamesWhatBuildDeclaresWithoutReadingAnItem()
    {
        using var project = new ScratchProject();
        project.Write("seed/items/global.json", "[{\"name\": \"x\", \"n\": 1e999}]");
        var config = new DictionaryConfigSource("alice");

        Assert.Multiple(() =>
        {
            Assert.That(CatalogBuilder.TablesOf(config, project.Paths)?.Select(t => t.Name), Is.EqualTo(TestProject.Build("alice").Tables.Select(t => t.Name)));
            Assert.That(() => CatalogBuilder.Build(config, project.Paths), Throws.InstanceOf<Academy.Catalog.Errors.CatalogException>(), "the item is what is wrong");
        });
    }

    [TestCase("user", "Alice Smith", null)]
    [TestCase("user", "alice", "user")]
    [TestCase("billingMode", "FAST", null)]
    [TestCase("seedDir", "seed\0x", null)]
    [TestCase("roster", "roster.yaml", null)]
    public void TablesOfIsNullWhereBuildWouldReportTheConfigOrTheLearnerIsSecret(string key, string value, string? secret)
    {
        var config = new DictionaryConfigSource("alice", new Dictionary<string, string> { [key] = value }, secret is null ? null : [secret], secret is null ? null : new Dictionary<string, string> { [secret] = "encrypted" });

        Assert.That(CatalogBuilder.TablesOf(config, TestProject.Repo), Is.Null);
    }

    [Test]
    public void TablesOfIsNullWhenTablesJsonIsBroken()
    {
        using var project = new ScratchProject();
        project.Write("seed/tables.json", "{");

        Assert.That(CatalogBuilder.TablesOf(new DictionaryConfigSource("alice"), project.Paths), Is.Null);
    }

    [Test]
    public void TheCourseMaterialsCloudFormationFormIsRejectedWithDynamoDbsWordingAndTheFix()
    {
        using var project = new ScratchProject();
        project.Write("seed/tables.json", CourseMaterial.TablesWithoutTableName);

        var error = Failures.Of(() => TestProject.Build(paths: project.Paths)).Single();

        Assert.Multiple(() =>
        {
            Assert.That(error.Source, Is.EqualTo("seed/tables.json"));
            Assert.That(error.Item, Is.EqualTo("table global"));
            Assert.That(error.Message, Does.Contain("Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions"));
            Assert.That(error.Message, Does.Contain("tz, method, host, port, prefix, url, partitions_uri, jobs"));
            Assert.That(error.Message, Does.Contain("Define only key attributes (name)"));
        });
    }

    [Test]
    public void PropertiesThatStackConfigOwnsAreNamedWithTheKeyToUseInstead()
    {
        using var project = new ScratchProject();
        project.Write("seed/tables.json", """
            {"global": {"TableName": "academy-global", "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1},
                        "AttributeDefinitions": [{"AttributeName": "name", "AttributeType": "S"}],
                        "KeySchema": [{"AttributeName": "name", "KeyType": "HASH"}]},
             "jobs": {"AttributeDefinitions": [{"AttributeName": "name", "AttributeType": "S"}],
                      "KeySchema": [{"AttributeName": "name", "KeyType": "HASH"}]}}
            """);

        var messages = Failures.Of(() => TestProject.Build(paths: project.Paths)).Select(e => e.Message).ToList();

        Assert.That(messages, Has.Some.Contains("TableName").And.Contains("academy:user"));
        Assert.That(messages, Has.Some.Contains("ProvisionedThroughput").And.Contains("academy:readCapacity"));
    }

    [Test]
    public void AnyDeclaredTableIsNamedForTheLearnerAndARangeKeyIsCarriedIntoItemIds()
    {
        using var project = new ScratchProject();
        var tables = File.ReadAllText(Path.Combine(project.Root, "seed/tables.json")).TrimEnd().TrimEnd('}');
        project.Write("seed/tables.json", tables + """
            , "runs": {"AttributeDefinitions": [{"AttributeName": "name", "AttributeType": "S"}, {"AttributeName": "run", "AttributeType": "N"}],
                       "KeySchema": [{"AttributeName": "name", "KeyType": "HASH"}, {"AttributeName": "run", "KeyType": "RANGE"}]}}
            """);
        project.Write("seed/items/runs.json", """[{"name": "probe", "run": 3}]""");

        var catalog = TestProject.Build(paths: project.Paths);

        Assert.That(catalog.Table("runs").Name, Is.EqualTo("alice-academy-runs"));
        Assert.That(catalog.Table("runs").RangeKey, Is.EqualTo(new KeyAttribute("run", "N")));
        Assert.That(catalog.ItemsOf("runs").Single().LogicalName, Is.EqualTo("runs-probe/3"));
    }
}
