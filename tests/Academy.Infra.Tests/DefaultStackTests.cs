using Academy.Catalog.Cost;
using Academy.Infra.Tests.Support;
using Pulumi.Utilities;

namespace Academy.Infra.Tests;

/// <summary>Stack alice with no config at all: what a learner gets from `pulumi up` out of the box.</summary>
[TestFixture]
[NonParallelizable]
public class DefaultStackTests
{
    [Test]
    public async Task AliceGetsExactlyTheTwoLearnerTablesKeyedOnName()
    {
        var run = await PulumiRun.StackAsync();

        var tables = run.Mocks.OfType(ResourceTypes.Table);
        Assert.That(tables.Select(t => t.Name), Is.EquivalentTo(new[] { "global", "jobs" }));
        Assert.That(tables.Select(t => t.Inputs["name"]), Is.EquivalentTo(new[] { "alice-academy-global", "alice-academy-jobs" }));
        foreach (var table in tables)
        {
            var attributes = Inputs.List(table.Inputs["attributes"]).Select(Inputs.Map);
            Assert.That(attributes.Select(a => $"{a["name"]}:{a["type"]}"), Is.EqualTo(new[] { "name:S" }), table.Name);
            Assert.That(table.Inputs["hashKey"], Is.EqualTo("name"), table.Name);
            Assert.That(table.Inputs, Does.Not.ContainKey("rangeKey"), table.Name);
            Assert.That(table.Inputs["billingMode"], Is.EqualTo("PROVISIONED"), table.Name);
            Assert.That(table.Inputs["readCapacity"], Is.EqualTo(1.0), table.Name);
            Assert.That(table.Inputs["writeCapacity"], Is.EqualTo(1.0), table.Name);
            Assert.That(Inputs.Map(table.Inputs["pointInTimeRecovery"])["enabled"], Is.EqualTo(false), table.Name);
            Assert.That(table.Inputs["deletionProtectionEnabled"], Is.EqualTo(false), table.Name);
            Assert.That(table.Inputs, Does.Not.ContainKey("serverSideEncryption"), table.Name);
            Assert.That(Inputs.Map(table.Inputs["tags"])["learner"], Is.EqualTo("alice"), table.Name);
        }
    }

    [Test]
    public async Task EveryCatalogItemBecomesOneTableItemWithTheCatalogsDynamoDbJson()
    {
        var run = await PulumiRun.StackAsync();
        var catalog = Expected.Catalog();

        var items = run.Mocks.OfType(ResourceTypes.TableItem);
        Assert.That(items.Select(i => i.Name), Is.EquivalentTo(catalog.Items.Select(i => i.LogicalName)));
        foreach (var expected in catalog.Items)
        {
            var item = items.Single(i => i.Name == expected.LogicalName);
            Assert.That(item.Inputs["item"], Is.EqualTo(expected.ToDynamoJson()), expected.LogicalName);
            Assert.That(item.Inputs["tableName"], Is.EqualTo(catalog.Table(expected.TableKey).Name), expected.LogicalName);
            Assert.That(item.Inputs["hashKey"], Is.EqualTo("name"), expected.LogicalName);
            Assert.That(item.Inputs, Does.Not.ContainKey("rangeKey"), expected.LogicalName);
        }

        // The course material's item, pinned so a wrong catalog cannot make this test agree with itself.
        var seed = run.Mocks.Single(ResourceTypes.TableItem, "global-imdb-rest-api");
        Assert.That(Inputs.Text(seed.Inputs["item"]),
            Does.StartWith("""{"name":{"S":"imdb-rest-api"},"tz":{"S":"Europe/Zagreb"},"method":{"S":"https://"},""")
                .And.Contains("\"port\":{\"S\":\"\"}"));
        Assert.That(seed.Inputs["tableName"], Is.EqualTo("alice-academy-global"));
    }

    [Test]
    public async Task EverythingHangsUnderOneComponentWithUrnsFromTableAndKey()
    {
        var run = await PulumiRun.StackAsync();

        var learner = run.Mocks.OfType(ResourceTypes.Learner);
        Assert.That(learner.Select(l => l.Name), Is.EqualTo(new[] { AcademyStack.ComponentName }));
        // The name part of a URN is the table key or the item name, not the learner or a position.
        var global = await OutputUtilities.GetValueAsync(run.Learner.Tables["global"].Urn);
        Assert.That(global, Does.EndWith("$aws:dynamodb/table:Table::global"));
        var item = await OutputUtilities.GetValueAsync(run.Learner.Items["global-imdb-rest-api"].Urn);
        Assert.That(item, Does.EndWith("$aws:dynamodb/tableItem:TableItem::global-imdb-rest-api"));
        Assert.That(run.Mocks.Calls, Is.Empty, "no data-source invokes");
    }

    [Test]
    public async Task StackOutputsNamesArnsAndItemCountsPerTable()
    {
        var run = await PulumiRun.StackAsync();
        var catalog = Expected.Catalog();

        var names = await OutputUtilities.GetValueAsync(run.Stack.TableNames);
        Assert.That(names, Is.EqualTo(new Dictionary<string, string>
        {
            ["global"] = "alice-academy-global",
            ["jobs"] = "alice-academy-jobs",
        }));

        var arns = await OutputUtilities.GetValueAsync(run.Stack.TableArns);
        Assert.That(arns, Is.EqualTo(new Dictionary<string, string>
        {
            ["global"] = RecordingMocks.TableArn("alice-academy-global"),
            ["jobs"] = RecordingMocks.TableArn("alice-academy-jobs"),
        }));

        var counts = await OutputUtilities.GetValueAsync(run.Stack.ItemCounts);
        Assert.That(counts, Is.EqualTo(catalog.Tables.ToDictionary(t => t.Key, t => catalog.ItemsOf(t.Key).Count())));
        Assert.That(counts.Keys, Is.EquivalentTo(new[] { "global", "jobs" }));
        Assert.That(counts["global"], Is.GreaterThanOrEqualTo(1));
        Assert.That(counts.Values.Sum(), Is.EqualTo(run.Mocks.OfType(ResourceTypes.TableItem).Count));
    }

    [Test]
    public async Task StackOutputsTheCostEstimateOfTheCatalogsTables()
    {
        var run = await PulumiRun.StackAsync();
        var catalog = Expected.Catalog();
        var estimate = CostEstimator.Estimate(catalog.Tables, catalog.Items);

        var cost = await OutputUtilities.GetValueAsync(run.Stack.EstimatedMonthlyCostUsd);
        Assert.That(cost, Is.EqualTo((double)estimate.MonthlyUsd));
        Assert.That(cost, Is.GreaterThan(0.0), "provisioned capacity is billed by the hour, items or not");
        var basis = await OutputUtilities.GetValueAsync(run.Stack.EstimatedCostBasis);
        Assert.That(basis, Does.Contain(estimate.Region).And.Contain(estimate.PricesAsOf).And.Contain(estimate.Basis));
    }
}
