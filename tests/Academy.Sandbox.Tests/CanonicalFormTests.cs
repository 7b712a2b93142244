using Academy.Catalog.Items;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Tests.Support;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Tests;

/// <summary>What the catalog declares is exactly what the engine reads back: numbers, sets and keys.</summary>
public sealed class CanonicalFormTests
{
    private const string RangeTable = """
        "runs": {"AttributeDefinitions": [{"AttributeName": "name", "AttributeType": "S"}, {"AttributeName": "run", "AttributeType": "S"}],
                 "KeySchema": [{"AttributeName": "name", "KeyType": "HASH"}, {"AttributeName": "run", "KeyType": "RANGE"}]}
        """;

    private static void AddTable(ScratchProject project, string definition, string items, string key)
    {
        var tables = File.ReadAllText(Path.Combine(project.Root, "seed/tables.json")).TrimEnd().TrimEnd('}');
        project.Write("seed/tables.json", tables + ", " + definition.Trim() + "}");
        project.Write($"seed/items/{key}.json", items);
    }

    [Test]
    public async Task NumbersAndSetsReadBackByteIdenticalToTheCatalogsDynamoDbJson()
    {
        using var project = new ScratchProject();
        project.Write("seed/items/global.dynamodb.json", """
            [{"name": {"S": "numbers"}, "one": {"N": "1.0"}, "hundred": {"N": "1e2"}, "negzero": {"N": "-0"}, "zero": {"N": "0.0"},
              "small": {"N": "1e-05"}, "lead": {"N": "007"}, "huge": {"N": "9.99e125"}, "tiny": {"N": "-1e-130"},
              "wide": {"N": "1234567890123456789012345678901234567.8e50"}, "frac": {"N": "-12.500E-3"},
              "ns": {"NS": ["1e2", "-0", "1e-05", "9.99e125", "-7.50"]}, "ss": {"SS": ["b", "B", "a"]}, "bs": {"BS": ["/w==", "AA=="]},
              "deep": {"M": {"list": {"L": [{"N": "2.50"}, {"NS": ["3", "2.0"]}]}}}}]
            """);
        var user = Tool.NewUser();

        var up = await Tool.RunAsync("up", "--user", user, "--endpoint", LocalEngine.Endpoint, "--project", project.Root);
        Assert.That(up.ExitCode, Is.Zero, up.Error);

        var declared = Academy.Catalog.CatalogBuilder.Build(new Academy.Catalog.Settings.DictionaryConfigSource(user), project.Paths).ItemsOf("global").Single(i => i.HashKeyValue == "numbers");
        var live = (await Items.ScanAsync($"{user}-academy-global")).Single(i => i["name"].S == "numbers");
        Assert.That(Items.Canonical(live), Is.EqualTo(Items.Canonical(declared.Attributes)), "attribute for attribute, sets in the same order");
        Assert.Multiple(() =>
        {
            Assert.That(live["one"].N, Is.EqualTo("1"));
            Assert.That(live["hundred"].N, Is.EqualTo("100"));
            Assert.That(live["negzero"].N, Is.EqualTo("0"));
            Assert.That(live["zero"].N, Is.EqualTo("0"));
            Assert.That(live["small"].N, Is.EqualTo("0.00001"));
            Assert.That(live["lead"].N, Is.EqualTo("7"));
            Assert.That(live["huge"].N, Is.EqualTo("999" + new string('0', 123)));
            Assert.That(live["tiny"].N, Is.EqualTo("-0." + new string('0', 129) + "1"));
            Assert.That(live["wide"].N, Is.EqualTo("12345678901234567890123456789012345678" + new string('0', 49)));
            Assert.That(live["frac"].N, Is.EqualTo("-0.0125"));
            Assert.That(live["ns"].NS, Is.EqualTo(new[] { "-7.5", "0", "0.00001", "100", "999" + new string('0', 123) }));
        });

        var again = await Tool.RunAsync("up", "--user", user, "--endpoint", LocalEngine.Endpoint, "--project", project.Root);
        Assert.That(again.Output, Does.Contain("nothing changed"));
    }

    [Test]
    public async Task KeysWithSlashesAreSeparateItemsForUpPruneAndVerify()
    {
        using var project = new ScratchProject();
        AddTable(project, RangeTable, """[{"name": "a/b", "run": "c"}]""", "runs");
        var user = Tool.NewUser();
        string[] target = ["--user", user, "--endpoint", LocalEngine.Endpoint, "--project", project.Root];
        Assert.That((await Tool.RunAsync(["up", .. target])).ExitCode, Is.Zero);
        using var client = LocalEngine.Client();
        await client.PutItemAsync($"{user}-academy-runs", new Dictionary<string, AttributeValue> { ["name"] = new() { S = "a" }, ["run"] = new() { S = "b/c" } });

        var kept = await Tool.RunAsync(["up", .. target]);
        Assert.That(kept.ExitCode, Is.Zero, kept.Error);
        Assert.That(kept.Output, Does.Contain("kept 1 item(s)").And.Contain("a/b%2Fc"));

        var verify = await Tool.RunAsync(["verify", .. target]);
        Assert.That(verify.ExitCode, Is.EqualTo(ExitCodes.Drift), verify.Error);
        Assert.That(verify.Output, Does.Contain("extra     runs-a/b%2Fc").And.Not.Contain("runs-a%2Fb/c (").And.Not.Contain("differs"));

        var pruned = await Tool.RunAsync(["up", .. target, "--prune"]);
        Assert.That(pruned.ExitCode, Is.Zero, pruned.Error);
        var left = (await Items.ScanAsync($"{user}-academy-runs")).Select(i => new ItemKey(i["name"].S, i["run"].S));
        Assert.That(left, Is.EqualTo(new[] { new ItemKey("a/b", "c") }));
        Assert.That((await Tool.RunAsync(["verify", .. target])).ExitCode, Is.Zero);
    }

    [Test]
    public async Task ANumberKeyWrittenAs1Point0IsTheItemTheEngineCalls1()
    {
        using var project = new ScratchProject();
        AddTable(project, """
            "counts": {"AttributeDefinitions": [{"AttributeName": "n", "AttributeType": "N"}], "KeySchema": [{"AttributeName": "n", "KeyType": "HASH"}]}
            """, """[{"n": 1.0, "note": "one"}]""", "counts");
        var user = Tool.NewUser();
        string[] target = ["--user", user, "--endpoint", LocalEngine.Endpoint, "--project", project.Root];

        Assert.That((await Tool.RunAsync(["up", .. target])).ExitCode, Is.Zero);
        var verify = await Tool.RunAsync(["verify", .. target]);

        Assert.That(verify.ExitCode, Is.Zero, verify.Output + verify.Error);
        Assert.That((await Items.ScanAsync($"{user}-academy-counts")).Single()["n"].N, Is.EqualTo("1"));
    }

    [Test]
    public async Task TheCatalogsItemSizeIsTheEnginesExactlyOnBothSidesOfTheLimit()
    {
        var user = Tool.NewUser();
        Assert.That((await Tool.RunAsync("up", "--user", user, "--endpoint", LocalEngine.Endpoint, "--project", LocalEngine.Repo.Root)).ExitCode, Is.Zero);
        using var client = LocalEngine.PatientClient();

        // -1 and 1.2 cost 3 bytes each (exponent byte, digit pair, and a terminator or an alignment pair).
        static Dictionary<string, AttributeValue> Item(string key) => new()
        {
            ["name"] = new() { S = key },
            ["l"] = new() { L = Enumerable.Range(0, 102_397).Select(i => new AttributeValue { N = i % 2 == 0 ? "-1" : "1.2" }).ToList() },
        };
        var atLimit = Item("abcd");
        var overLimit = Item("abcde");
        Assert.That(ItemSize.Of(atLimit), Is.EqualTo(ItemSize.MaxBytes));
        Assert.That(ItemSize.Of(overLimit), Is.EqualTo(ItemSize.MaxBytes + 1));

        await client.PutItemAsync($"{user}-academy-global", atLimit);
        var refused = Assert.ThrowsAsync<Amazon.DynamoDBv2.AmazonDynamoDBException>(() => client.PutItemAsync($"{user}-academy-global", overLimit));
        Assert.That(refused!.Message, Does.Contain("Item size has exceeded the maximum allowed size"));
    }

    [Test]
    public async Task PlanShowsNumbersCanonicalAndSetsSortedAndWarnsAboutSets()
    {
        using var project = new ScratchProject();
        project.Write("seed/items/global.dynamodb.json", """
            [{"name": {"S": "probe"}, "one": {"N": "1.0"}, "hundred": {"N": "1e2"}, "zero": {"N": "-0"}, "ns": {"NS": ["10", "9", "1e-05"]}}]
            """);
        var user = Tool.NewUser();

        var text = await Tool.RunAsync("plan", "--user", user, "--project", project.Root);
        var json = await Tool.RunAsync("plan", "--json", "--user", user, "--project", project.Root);
        var withoutSets = await Tool.RunAsync("plan", "--user", user, "--project", LocalEngine.Repo.Root);

        const string Declared = """{"name":{"S":"probe"},"one":{"N":"1"},"hundred":{"N":"100"},"zero":{"N":"0"},"ns":{"NS":["0.00001","9","10"]}}""";
        Assert.Multiple(() =>
        {
            Assert.That(text.Output, Does.Contain(Declared).And.Contain(CatalogItem.SetsNote));
            Assert.That(json.Output.ReplaceLineEndings("").Replace(" ", "", StringComparison.Ordinal), Does.Contain("\"NS\":[\"0.00001\",\"9\",\"10\"]").And.Contain("\"hundred\":{\"N\":\"100\"}"));
            Assert.That(withoutSets.Output, Does.Not.Contain("Note: sets"));
        });
    }
}
