using System.Text.Json;
using Academy.Infra.Tests.Support;
using Pulumi;

namespace Academy.Infra.Tests;

/// <summary>academy:adopt: the mocked engine sees an import id on exactly the adopted tables and items.</summary>
[TestFixture]
[NonParallelizable]
public class AdoptTests
{
    [Test]
    public async Task AdoptedTablesAndItemsAreRegisteredWithTheirImportIdsAndNothingElseIs()
    {
        var config = new Dictionary<string, string>
        {
            ["academy:adopt"] = """{"global": ["imdb-rest-api"], "jobs": ["title_ratings"]}""",
        };

        var run = await PulumiRun.StackAsync(config);

        var imported = run.Mocks.Resources.Where(r => !string.IsNullOrEmpty(r.Id))
            .ToDictionary(r => $"{r.Type}::{r.Name}", r => r.Id);
        Assert.That(imported, Is.EquivalentTo(new Dictionary<string, string?>
        {
            [$"{ResourceTypes.Table}::global"] = "alice-academy-global",
            [$"{ResourceTypes.Table}::jobs"] = "alice-academy-jobs",
            [$"{ResourceTypes.TableItem}::global-imdb-rest-api"] = "alice-academy-global,imdb-rest-api",
            [$"{ResourceTypes.TableItem}::jobs-title_ratings"] = "alice-academy-jobs,title_ratings",
        }));
        // Adopting changes how a resource comes under management, not what is declared.
        Assert.That(run.Mocks.OfType(ResourceTypes.TableItem), Has.Count.EqualTo(Expected.Catalog().Items.Count));
    }

    [Test]
    public async Task ALearnerWhoBuiltEverythingByHandAdoptsBothTablesAndEveryItem()
    {
        var catalog = Expected.Catalog();
        var adopt = catalog.Tables.ToDictionary(t => t.Key, t => catalog.ItemsOf(t.Key).Select(i => i.HashKeyValue).ToArray());
        var config = new Dictionary<string, string> { ["academy:adopt"] = JsonSerializer.Serialize(adopt) };

        var run = await PulumiRun.StackAsync(config);

        var tables = run.Mocks.OfType(ResourceTypes.Table);
        Assert.That(tables.Select(t => t.Id), Is.EquivalentTo(new[] { "alice-academy-global", "alice-academy-jobs" }));
        var items = run.Mocks.OfType(ResourceTypes.TableItem);
        Assert.That(items.Select(i => i.Id), Is.EquivalentTo(catalog.Items.Select(i => $"{catalog.Table(i.TableKey).Name},{i.HashKeyValue}")));
        Assert.That(items, Has.Count.GreaterThan(2));
    }

    [Test]
    public async Task WithoutAdoptNoResourceIsImported()
    {
        var run = await PulumiRun.StackAsync();

        Assert.That(run.Mocks.Resources, Is.Not.Empty);
        Assert.That(run.Mocks.Resources.Select(r => r.Id), Is.All.Null.Or.Empty);
    }

    [Test]
    public void AnAdoptedItemTheCatalogDoesNotDeclareFailsNamingItAndRegistersNothing()
    {
        var mocks = new RecordingMocks();
        var config = new Dictionary<string, string> { ["academy:adopt"] = """{"global": ["hand-made"], "nope": []}""" };

        var error = Assert.ThrowsAsync<RunException>(() => PulumiRun.StackAsync(config, mocks: mocks));

        Assert.That(error?.Message, Does.Contain("config academy:adopt.global: item 'hand-made': is not declared")
            .And.Contain("config academy:adopt.nope:").And.Contain("nothing was created"));
        Assert.That(mocks.Resources, Is.Empty);
    }
}
