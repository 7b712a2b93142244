using Academy.Catalog;
using Academy.Catalog.Settings;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Compare;
using Academy.Sandbox.Engine;
using Academy.Sandbox.Tests.Files;
using Academy.Sandbox.Tests.Support;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Tests.Export;

/// <summary>`academy-sandbox export` against the local engine: the exported files give the live items back.</summary>
public sealed class ExportTests
{
    // Every DynamoDB type, nested, with the values that trip up plain JSON: an empty string, a 38-digit number, sets, binary.
    private const string AllTypes = """
        [
          {
            "name": {"S": "all-types"},
            "empty": {"S": ""},
            "long": {"N": "12345678901234567890123456789012345678"},
            "small": {"N": "-0.000000000000000000000000000000000000000000001"},
            "bytes": {"B": "AAEC/f7/"},
            "yes": {"BOOL": true},
            "no": {"BOOL": false},
            "nothing": {"NULL": true},
            "map": {"M": {"inner": {"L": [{"S": "x"}, {"N": "7"}, {"SS": ["b", "a"]}, {"M": {}}]}, "deeper": {"M": {"bs": {"BS": ["AQ==", "Ag=="]}}}}},
            "list": {"L": [{"NULL": true}, {"BOOL": false}, {"L": []}, {"N": "99999999999999999999999999999999999999"}]},
            "strings": {"SS": ["zeta", "alpha", ""]},
            "numbers": {"NS": ["10", "2.5", "-3", "12345678901234567890123456789012345678"]},
            "binaries": {"BS": ["AA==", "/w=="]}
          },
          {
            "name": {"S": "plain-enough"},
            "empty": {"S": ""},
            "n": {"N": "123456789012345"},
            "f": {"N": "-1.5"},
            "map": {"M": {"a": {"L": [{"S": ""}, {"NULL": true}, {"BOOL": true}, {"M": {}}]}}}
          }
        ]
        """;

    private static async Task<CliRun> RunAsync(ScratchProject project, string user, params string[] args) =>
        await Tool.RunAsync([.. args, "--user", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint]);

    [Test]
    public async Task ATableKeyedOtherwiseIsRefusedWithItsWayOutNotBlamedOnTheEngine()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        var table = $"{user}-academy-global";
        await OnDemandTable.CreateAsync(table, "id", Amazon.DynamoDBv2.ScalarAttributeType.S);
        using (var client = LocalEngine.Client())
        {
            await client.PutItemAsync(table, new Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue> { ["id"] = new() { S = "a" } });
        }

        var export = await RunAsync(project, user, "export", "--out", Path.Combine(project.Root, "out"));

        Assert.That(export.ExitCode, Is.EqualTo(ExitCodes.Failed), export.Error);
        Assert.That(export.Error.Trim(), Does.StartWith($"error: table {table} exists with key HASH id (S) but the catalog declares HASH name (S)")
            .And.Not.Contain("not DynamoDB"));
        Assert.That(Directory.Exists(Path.Combine(project.Root, "out")), Is.False, "nothing written");
    }

    [Test]
    public async Task UpExportRebuildGivesExactlyTheLiveItemsOfEveryType()
    {
        using var source = new ScratchProject();
        source.Write("seed/items/global.dynamodb.json", AllTypes);
        var user = Tool.NewUser();
        Assert.That((await RunAsync(source, user, "up")).ExitCode, Is.Zero);
        using var target = new ScratchProject();
        foreach (var file in Directory.GetFiles(Path.Combine(target.Root, "seed", "items")))
        {
            File.Delete(file);
        }

        // Empty lists, so export writes every global item afresh (a file not there yet would start as the source catalog's).
        target.Write("seed/items/global.json", "[]\n");
        target.Write("seed/items/global.dynamodb.json", "[]\n");

        var run = await RunAsync(source, user, "export", "--out", Path.Combine(target.Root, "seed", "items"));

        Assert.That(run.ExitCode, Is.Zero, run.Output + run.Error);
        var rebuilt = CatalogBuilder.Build(new DictionaryConfigSource(user), target.Paths);
        foreach (var table in rebuilt.Tables)
        {
            var live = await Items.ScanAsync(table.Name);
            var declared = rebuilt.ItemsOf(table.Key).ToDictionary(i => TableKeys.Of(table, i));
            Assert.That(declared.Keys, Is.EquivalentTo(live.Select(i => TableKeys.Of(table, i))), table.Key);
            foreach (var item in live)
            {
                var mine = declared[TableKeys.Of(table, item)];
                Assert.That(AttributeValues.ItemsEqual(mine.Attributes, item), Is.True, $"{mine.LogicalName}: {mine.ToDynamoJson()} vs {Items.Canonical(item)}");
                Assert.That(mine.Attributes["name"].S, Is.Not.Null);
            }
        }

        var numbers = rebuilt.Items.Single(i => i.HashKeyValue == "all-types").Attributes;
        Assert.That(numbers["long"].N, Is.EqualTo("12345678901234567890123456789012345678"), "all 38 digits, as text");
        Assert.That(File.ReadAllText(Path.Combine(target.Root, "seed/items/global.dynamodb.json")), Does.Contain("\"all-types\"").And.Not.Contains("plain-enough"));
        Assert.That(File.ReadAllText(Path.Combine(target.Root, "seed/items/global.json")), Does.Contain("\"plain-enough\"").And.Contains("\"imdb-rest-api\"").And.Contains("\"n\": 123456789012345"));
        Assert.That(run.Output, Does.Contain("global: 3 item(s): added all-types, added imdb-rest-api, added plain-enough -> ").And.Contains("global.json, ").And.Contains("global.dynamodb.json (DynamoDB JSON for sets"));

        var verify = await RunAsync(target, user, "verify");
        Assert.That(verify.ExitCode, Is.Zero, verify.Output);
        Assert.That(verify.Output, Does.Contain("in step"));
    }

    [Test]
    public async Task ByDefaultItReplacesTheTablesFilesInTheItemsFolderAndVerifyIsInStep()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        Assert.That((await RunAsync(project, user, "up")).ExitCode, Is.Zero);
        using (var client = LocalEngine.Client())
        {
            await client.PutItemAsync($"{user}-academy-global", new()
            {
                ["name"] = new() { S = "added-by-hand" },
                ["tags"] = new() { SS = ["b", "a"] },
            });
        }

        project.Write("seed/items/global.dynamodb.json", """[{"name": {"S": "stale"}}]""");
        Assert.That((await RunAsync(project, user, "verify")).ExitCode, Is.EqualTo(ExitCodes.Drift));

        var run = await RunAsync(project, user, "export");

        Assert.That(run.ExitCode, Is.Zero, run.Output + run.Error);
        Assert.That(run.Output, Does.Contain("export: learner " + user + " -> seed/items")
            .And.Contains("global: 2 item(s): added added-by-hand, removed stale -> seed/items/global.dynamodb.json")
            .And.Contains("jobs: 6 item(s), unchanged"));
        Assert.That(File.ReadAllText(Path.Combine(project.Root, "seed/items/global.dynamodb.json")), Is.EqualTo("""
            [
              {
                "name": {"S":"added-by-hand"},
                "tags": {"SS":["a","b"]}
              }
            ]

            """.ReplaceLineEndings("\n")), "the stale item gone, the set sorted");
        Assert.That(Directory.GetFiles(Path.Combine(project.Root, "seed/items")).Select(Path.GetFileName), Is.EquivalentTo(new[] { "global.json", "global.dynamodb.json", "jobs.json" }));
        var verify = await RunAsync(project, user, "verify");
        Assert.That(verify.ExitCode, Is.Zero, verify.Output);
    }

    [Test]
    public async Task NumbersInAPlainListAreIndentedLikeEveryOtherValueOfTheFile()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        Assert.That((await RunAsync(project, user, "up")).ExitCode, Is.Zero);
        using (var client = LocalEngine.Client())
        {
            await client.PutItemAsync($"{user}-academy-global", new()
            {
                ["name"] = new() { S = "counts" },
                ["nums"] = new() { L = [new() { N = "1" }, new() { N = "-2.5" }] },
            });
        }

        var run = await RunAsync(project, user, "export");

        Assert.That(run.ExitCode, Is.Zero, run.Output + run.Error);
        Assert.That(File.ReadAllText(Path.Combine(project.Root, "seed/items/global.json")),
            Does.Contain("    \"nums\": [\n      1,\n      -2.5\n    ]\n"));
    }

    [Test]
    public async Task ATableThatDoesNotExistKeepsItsFilesAndAnEmptyOneIsAnEmptyList()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        await CourseSteps.CreateTableAsync($"{user}-academy-global");
        await CourseSteps.PutItemAsync($"{user}-academy-global", CourseSteps.ImdbRestApiItem);
        var jobs = File.ReadAllText(Path.Combine(project.Root, "seed/items/jobs.json"));

        var run = await RunAsync(project, user, "export");

        Assert.That(run.ExitCode, Is.Zero, run.Output + run.Error);
        Assert.That(run.Output, Does.Contain($"jobs: table {user}-academy-jobs does not exist; its seed files are left as they are"));
        Assert.That(File.ReadAllText(Path.Combine(project.Root, "seed/items/jobs.json")), Is.EqualTo(jobs));
        Assert.That(File.ReadAllText(Path.Combine(project.Root, "seed/items/global.json")), Does.Contain("\"tz\": \"Europe/Zagreb\""));

        await CourseSteps.CreateTableAsync($"{user}-academy-jobs");
        var review = await RunAsync(project, user, "export", "--out", Path.Combine(project.Root, "review"));

        Assert.That(review.ExitCode, Is.Zero, review.Error);
        Assert.That(File.ReadAllText(Path.Combine(project.Root, "review/jobs.json")), Is.EqualTo("[]\n"));
        Assert.That(review.Output, Does.Contain("jobs: 6 declared item(s) are not in the live table, so the written files no longer hold them: name_basics, title_basics"));
    }

    [Test]
    public async Task LiveItemsTheCatalogWouldRejectAreNotWrittenIntoItButOutElsewhereWithWarnings()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        Assert.That((await RunAsync(project, user, "up")).ExitCode, Is.Zero);
        using (var client = LocalEngine.Client())
        {
            await client.PutItemAsync($"{user}-academy-jobs", new() { ["name"] = new() { S = "my_test_job" }, ["enabled"] = new() { BOOL = true } });
        }

        var before = Directory.GetFiles(Path.Combine(project.Root, "seed/items")).ToDictionary(f => f, File.ReadAllText);

        var run = await RunAsync(project, user, "export");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.CatalogInvalid));
        Assert.That(run.Error, Does.StartWith("error: the live items would make the catalog invalid, so nothing was written")
            .And.Contains("seed/items/jobs.json: item 'my_test_job': attribute 'source': is missing"));
        Assert.That(Directory.GetFiles(Path.Combine(project.Root, "seed/items")).ToDictionary(f => f, File.ReadAllText), Is.EqualTo(before));

        var elsewhere = Path.Combine(project.Root, "review");
        var out_ = await RunAsync(project, user, "export", "--out", elsewhere);
        Assert.That(out_.ExitCode, Is.Zero, out_.Error);
        Assert.That(out_.Output, Does.Contain("warning: as the catalog's seed files these would be invalid: review/jobs.json: item 'my_test_job'"));
        Assert.That(File.ReadAllText(Path.Combine(elsewhere, "jobs.json")), Does.Contain("my_test_job"));
    }

    [Test]
    public async Task OutIntoANewFolderStartsFromTheCatalogsFilesSoOnlyWhatChangedDiffers()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        Assert.That((await RunAsync(project, user, "up")).ExitCode, Is.Zero);
        using (var client = LocalEngine.Client())
        {
            await client.UpdateItemAsync($"{user}-academy-global", new() { ["name"] = new() { S = "imdb-rest-api" } }, new Dictionary<string, AttributeValueUpdate>
            {
                ["tz"] = new() { Action = AttributeAction.PUT, Value = new() { S = "Europe/Paris" } },
            });
        }

        var review = Path.Combine(project.Root, "review");
        var run = await RunAsync(project, user, "export", "--out", review);

        var seed = Path.Combine(project.Root, "seed", "items");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Output + run.Error);
            Assert.That(File.ReadAllText(Path.Combine(review, "global.json")), Is.EqualTo(File.ReadAllText(Path.Combine(seed, "global.json")).Replace("Europe/Zagreb", "Europe/Paris", StringComparison.Ordinal)));
            Assert.That(File.ReadAllText(Path.Combine(review, "jobs.json")), Is.EqualTo(File.ReadAllText(Path.Combine(seed, "jobs.json"))), "order and format as the seed's");
            Assert.That(run.Output, Does.Contain("global: 1 item(s): changed imdb-rest-api (tz) -> review/global.json").And.Contain("jobs: 6 item(s), as the catalog declares them -> review/jobs.json"));
        });
    }

    [Test]
    [Platform(Exclude = "Win")]
    public async Task AFifoInTheOutFolderIsOneErrorNotAHang()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        Assert.That((await RunAsync(project, user, "up")).ExitCode, Is.Zero);
        Directory.CreateDirectory(Path.Combine(project.Root, "review"));
        SpecialInputTests.MakeFifo(Path.Combine(project.Root, "review", "global.json"));

        var run = await RunAsync(project, user, "export", "--out", Path.Combine(project.Root, "review"));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failed));
        Assert.That(run.Error.Trim(), Does.StartWith("error: review/global.json: is a named pipe (FIFO)").And.Not.Contain("\n"), run.Error);
        Assert.That(Directory.GetFiles(Path.Combine(project.Root, "review")), Is.EquivalentTo(new[] { Path.Combine(project.Root, "review", "global.json") }), "nothing else was written");
    }

    [Test]
    public async Task AnOutPathThatIsAFileIsOneErrorAndNothingIsWritten()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        Assert.That((await RunAsync(project, user, "up")).ExitCode, Is.Zero);
        project.Write("not-a-folder", "x");

        var run = await RunAsync(project, user, "export", "--out", Path.Combine(project.Root, "not-a-folder"));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failed));
        Assert.That(run.Error.Trim(), Is.EqualTo("error: not-a-folder is a file; --out takes a folder"));
    }
}
