using Academy.Sandbox.Tests.Support;

namespace Academy.Sandbox.Tests;

public sealed class RoundTripTests
{
    private const string ThirtyEightDigits = "12345678901234567890123456789012345678";

    [Test]
    public async Task EveryCatalogItemIsAcceptedAndReadsBackAttributeForAttributeIdentical()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        // JSON text given as a YAML string reaches the program unchanged, so all 38 digits survive
        // (a plain YAML number would be a float64 to Pulumi).
        project.Write($"Pulumi.{user}.yaml", $$$"""
            config:
              academy:items: '{"global": [{"name": "precise", "big": {{{ThirtyEightDigits}}}, "pi": -3.1415926535897932384626433832795028841, "empty": "", "flag": false, "nothing": null, "list": [1, "two", [], {}], "map": {"port": "", "n": 0.5}}]}'
            """);

        var run = await Tool.RunAsync("up", "--stack", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint);
        Assert.That(run.ExitCode, Is.Zero, run.Error);

        var catalog = Items.Build(project.Paths, user);
        Assert.That(catalog.Items, Has.Count.EqualTo(8), "the seed's 7 items and the one from config");
        foreach (var table in catalog.Tables)
        {
            var live = (await Items.ScanAsync(table.Name)).ToDictionary(i => i[table.HashKey.Name].S);
            var declared = catalog.ItemsOf(table.Key).ToList();
            Assert.That(live.Keys, Is.EquivalentTo(declared.Select(i => i.HashKeyValue)), table.Name);
            foreach (var item in declared)
            {
                Assert.That(Items.Canonical(live[item.HashKeyValue]), Is.EqualTo(Items.Canonical(item.Attributes)), item.LogicalName);
            }
        }

        var global = (await Items.ScanAsync(catalog.Table("global").Name)).ToDictionary(i => i["name"].S);
        Assert.Multiple(() =>
        {
            Assert.That(global["imdb-rest-api"]["port"].S, Is.EqualTo(""), "the seed's empty port");
            Assert.That(global["precise"]["big"].N, Is.EqualTo(ThirtyEightDigits));
            Assert.That(global["precise"]["empty"].S, Is.EqualTo(""));
            Assert.That(global["precise"]["map"].M["port"].S, Is.EqualTo(""));
        });
    }
}
