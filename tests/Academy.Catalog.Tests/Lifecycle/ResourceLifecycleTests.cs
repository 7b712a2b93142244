using Academy.Catalog.Lifecycle;
using Academy.Catalog.Tests.Support;

namespace Academy.Catalog.Tests.Lifecycle;

/// <summary>The resource options the program copies: protection, retention, teardown with the table, import.</summary>
public class ResourceLifecycleTests
{
    [TestCase(false, false)]
    [TestCase(true, false)]
    [TestCase(false, true)]
    [TestCase(true, true)]
    public void ProtectGuardsTablesAndRetainOnDeleteKeepsTablesAndItems(bool protect, bool retain)
    {
        var catalog = TestProject.Build(config: new()
        {
            ["protect"] = protect ? "true" : "false",
            ["retainOnDelete"] = retain ? "true" : "false",
        });

        Assert.That(catalog.Tables.Select(t => ResourceLifecycle.Of(catalog, t)).ToList(),
            Has.Count.EqualTo(2).And.All.EqualTo(new TableLifecycle(protect, retain, DeleteBeforeReplace: true, ImportId: null)));
        Assert.That(catalog.Items.Select(i => ResourceLifecycle.Of(catalog, i)),
            Is.Not.Empty.And.All.EqualTo(new ItemLifecycle(retain, DeleteBeforeReplace: true, DeletedWithTable: true, ImportId: null)));
    }

    [Test]
    public void OnlyAdoptedResourcesCarryAnImportId()
    {
        var catalog = TestProject.Build(config: new() { ["adopt"] = """{"jobs": ["title_crew"]}""" });

        Assert.That(ResourceLifecycle.Of(catalog, catalog.Table("jobs")).ImportId, Is.EqualTo("alice-academy-jobs"));
        Assert.That(ResourceLifecycle.Of(catalog, catalog.Table("global")).ImportId, Is.Null);
        var ids = catalog.Items.ToDictionary(i => i.LogicalName, i => ResourceLifecycle.Of(catalog, i).ImportId);
        Assert.That(ids.Where(kv => kv.Value is not null),
            Is.EquivalentTo(new Dictionary<string, string?> { ["jobs-title_crew"] = "alice-academy-jobs,title_crew" }));
    }
}
