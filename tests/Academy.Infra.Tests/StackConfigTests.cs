using System.Text.Json.Nodes;
using Academy.Infra.Tests.Support;
using Pulumi;
using Pulumi.Utilities;

namespace Academy.Infra.Tests;

/// <summary>What each academy:* key changes in what the program registers, and what bad config does.</summary>
[TestFixture]
[NonParallelizable]
public class StackConfigTests
{
    [Test]
    public async Task UserRenamesTheTablesButKeepsEveryResourceName()
    {
        var config = new Dictionary<string, string> { ["academy:user"] = "bob" };

        var bob = await PulumiRun.StackAsync(config);
        var alice = await PulumiRun.StackAsync();

        var tables = bob.Mocks.OfType(ResourceTypes.Table);
        Assert.That(tables.Select(t => t.Inputs["name"]), Is.EquivalentTo(new[] { "bob-academy-global", "bob-academy-jobs" }));
        Assert.That(tables.Select(t => t.Name), Is.EquivalentTo(new[] { "global", "jobs" }));
        Assert.That(bob.Mocks.Resources.Select(r => $"{r.Type}::{r.Name}"),
            Is.EquivalentTo(alice.Mocks.Resources.Select(r => $"{r.Type}::{r.Name}")));
        Assert.That(bob.Mocks.OfType(ResourceTypes.TableItem).Select(i => i.Inputs["tableName"]).Distinct(),
            Is.SubsetOf(new[] { "bob-academy-global", "bob-academy-jobs" }));
        var names = await OutputUtilities.GetValueAsync(bob.Stack.TableNames);
        Assert.That(names["global"], Is.EqualTo("bob-academy-global"));
    }

    [Test]
    public async Task ItemsConfigReplacesASeedItemByKeyAndAddsANewOne()
    {
        // The course item as seeded, with another time zone: same key, so it replaces the seed item.
        var seed = JsonNode.Parse(File.ReadAllText(Expected.Repo.Resolve("seed/items/global.json")))!.AsArray()
            .Single(i => (string?)i!["name"] == "imdb-rest-api")!.DeepClone();
        seed["tz"] = "UTC";
        var config = new Dictionary<string, string>
        {
            ["academy:items"] = new JsonObject
            {
                ["global"] = new JsonArray(seed, JsonNode.Parse("""{"name": "extra-notes", "owner": "alice", "retries": 3}""")),
            }.ToJsonString(),
        };
        var defaults = Expected.Catalog();
        var expected = Expected.Catalog(config);

        var run = await PulumiRun.StackAsync(config);

        var items = run.Mocks.OfType(ResourceTypes.TableItem);
        Assert.That(items.Select(i => i.Name), Is.EquivalentTo(expected.Items.Select(i => i.LogicalName)));
        Assert.That(items, Has.Count.EqualTo(defaults.Items.Count + 1));
        var replaced = Inputs.Text(run.Mocks.Single(ResourceTypes.TableItem, "global-imdb-rest-api").Inputs["item"]);
        Assert.That(replaced, Does.StartWith("""{"name":{"S":"imdb-rest-api"},"tz":{"S":"UTC"},""").And.Not.Contain("Europe/Zagreb"));
        var added = run.Mocks.Single(ResourceTypes.TableItem, "global-extra-notes");
        Assert.That(added.Inputs["item"], Is.EqualTo("""{"name":{"S":"extra-notes"},"owner":{"S":"alice"},"retries":{"N":"3"}}"""));
        Assert.That(added.Inputs["tableName"], Is.EqualTo("alice-academy-global"));
        foreach (var item in expected.Items)
        {
            Assert.That(run.Mocks.Single(ResourceTypes.TableItem, item.LogicalName).Inputs["item"],
                Is.EqualTo(item.ToDynamoJson()), item.LogicalName);
        }

        var counts = await OutputUtilities.GetValueAsync(run.Stack.ItemCounts);
        Assert.That(counts["global"], Is.EqualTo(defaults.ItemsOf("global").Count() + 1));
    }

    [Test]
    public async Task PayPerRequestTablesHaveNoCapacities()
    {
        var run = await PulumiRun.StackAsync(new Dictionary<string, string> { ["academy:billingMode"] = "PAY_PER_REQUEST" });

        var tables = run.Mocks.OfType(ResourceTypes.Table);
        Assert.That(tables, Has.Count.EqualTo(2));
        foreach (var table in tables)
        {
            Assert.That(table.Inputs["billingMode"], Is.EqualTo("PAY_PER_REQUEST"), table.Name);
            Assert.That(table.Inputs, Does.Not.ContainKey("readCapacity").And.Not.ContainKey("writeCapacity"), table.Name);
        }
    }

    [Test]
    public async Task TableOptionsReachEveryTable()
    {
        const string kms = "arn:aws:kms:eu-central-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        var run = await PulumiRun.StackAsync(new Dictionary<string, string>
        {
            ["academy:readCapacity"] = "3",
            ["academy:writeCapacity"] = "2",
            ["academy:pointInTimeRecovery"] = "true",
            ["academy:deletionProtection"] = "true",
            ["academy:serverSideEncryption"] = "true",
            ["academy:kmsKeyArn"] = kms,
            ["academy:tags"] = """{"team": "data-platform"}""",
        });

        var tables = run.Mocks.OfType(ResourceTypes.Table);
        Assert.That(tables, Has.Count.EqualTo(2));
        foreach (var table in tables)
        {
            Assert.That(table.Inputs["readCapacity"], Is.EqualTo(3.0), table.Name);
            Assert.That(table.Inputs["writeCapacity"], Is.EqualTo(2.0), table.Name);
            Assert.That(Inputs.Map(table.Inputs["pointInTimeRecovery"])["enabled"], Is.EqualTo(true), table.Name);
            Assert.That(table.Inputs["deletionProtectionEnabled"], Is.EqualTo(true), table.Name);
            var encryption = Inputs.Map(table.Inputs["serverSideEncryption"]);
            Assert.That(encryption["enabled"], Is.EqualTo(true), table.Name);
            Assert.That(encryption["kmsKeyArn"], Is.EqualTo(kms), table.Name);
            Assert.That(Inputs.Map(table.Inputs["tags"]), Is.EquivalentTo(new Dictionary<string, object>
            {
                ["course"] = "data-engineering-academy",
                ["learner"] = "alice",
                ["managed-by"] = "pulumi",
                ["team"] = "data-platform",
            }), table.Name);
        }
    }

    [TestCase("""{"academy:user": "bad name!", "academy:colour": "blue"}""", "academy:user", "bad name!", "academy:colour")]
    [TestCase("""{"academy:items": "{\"global\": [{\"name\": \"x1\"}, {\"name\": \"x1\"}]}"}""", "academy:items", "x1")]
    [TestCase("""{"academy:items": "{\"nope\": []}", "academy:billingMode": "CHEAP"}""", "academy:items", "nope", "academy:billingMode", "CHEAP")]
    [TestCase("""{"academy:items": "{not json"}""", "academy:items")]
    public void InvalidConfigFailsNamingEveryKeyAndRegistersNothing(string configJson, params string[] mentioned)
    {
        var config = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(configJson)!;
        var mocks = new RecordingMocks();

        var error = Assert.ThrowsAsync<RunException>(() => PulumiRun.StackAsync(config, mocks: mocks));

        foreach (var text in mentioned)
        {
            Assert.That(error?.Message, Does.Contain(text));
        }

        Assert.That(error?.Message, Does.Contain("nothing was created"));
        Assert.That(mocks.Resources, Is.Empty, "no resource may be registered when the catalog is rejected");
    }
}
