using Academy.Sandbox.Cli;
using Academy.Sandbox.Tests.Support;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Tests.Export;

/// <summary>`export --stack`: a learner's own values go into academy:items of their stack file, never the shared seed.</summary>
public sealed class StackItemsExportTests
{
    private const string StackFile = "# my stack\nconfig:\n  aws:region: eu-central-1\n";

    // Values a YAML writer easily gets wrong: strings YAML would type, numbers, empty things, nesting.
    private static Dictionary<string, AttributeValue> Tricky() => new()
    {
        ["name"] = new() { S = "my-values" },
        ["empty"] = new() { S = "" },
        ["t"] = new() { S = "true" },
        ["n"] = new() { S = "null" },
        ["no"] = new() { S = "no" },
        ["float-text"] = new() { S = "1.0" },
        ["hex-text"] = new() { S = "0x1F" },
        ["date"] = new() { S = "2024-01-01" },
        ["tilde"] = new() { S = "~" },
        ["colon"] = new() { S = "a: b" },
        ["hash"] = new() { S = "# not a comment" },
        ["dash"] = new() { S = "- x" },
        ["padded"] = new() { S = " padded " },
        ["lines"] = new() { S = "line1\nline2\ttab" },
        ["unicode"] = new() { S = "λ 😀 \u0001" },
        ["quotes"] = new() { S = "it's \"quoted\" \\" },
        ["int"] = new() { N = "42" },
        ["zero"] = new() { N = "0" },
        ["neg"] = new() { N = "-1.5" },
        ["fifteen"] = new() { N = "123456789012345" },
        ["tiny"] = new() { N = "0.0000001" },
        ["yes"] = new() { BOOL = true },
        ["nothing"] = new() { NULL = true },
        ["list"] = new() { L = [new() { S = "" }, new() { N = "7" }, new() { BOOL = false }, new() { M = [] }, new() { L = [] }] },
        ["map"] = new() { M = new() { ["inner key"] = new() { S = "v" }, ["on"] = new() { S = "off" }, ["k"] = new() { L = [] } } },
    };

    private static string[] Common(ScratchProject project, string user) => ["--stack", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint];

    // A learner with their own stack file, whose tables `up` made as the catalog declares them.
    private static async Task<string> UpAsync(ScratchProject project)
    {
        var user = Tool.NewUser();
        project.Write($"Pulumi.{user}.yaml", StackFile);
        Assert.That((await Tool.RunAsync(["up", .. Common(project, user)])).ExitCode, Is.Zero);
        return user;
    }

    private static Dictionary<string, byte[]> SeedFiles(ScratchProject project) =>
        Directory.GetFiles(Path.Combine(project.Root, "seed"), "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);

    [Test]
    public async Task ALearnersValuesGoIntoTheirStackFileAndReadBackExactly()
    {
        using var project = new ScratchProject();
        var user = await UpAsync(project);
        var seed = SeedFiles(project);
        using (var client = LocalEngine.Client())
        {
            await client.PutItemAsync($"{user}-academy-global", Tricky());
        }

        var run = await Tool.RunAsync(["export", "--table", "global", "--item", "my-values", .. Common(project, user)]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Output + run.Error);
        Assert.That(run.Output, Does.Contain($"export: learner {user} -> academy:items in Pulumi.{user}.yaml (the shared seed files are not changed)")
            .And.Contains("global: 1 item(s): added my-values"));
        var text = File.ReadAllText(Path.Combine(project.Root, $"Pulumi.{user}.yaml"));
        Assert.That(text, Does.StartWith(StackFile + "  academy:items:\n    global:\n      - name: my-values\n"));
        Assert.That(SeedFiles(project), Is.EqualTo(seed));
        var verify = await Tool.RunAsync(["verify", .. Common(project, user)]);
        Assert.That(verify.ExitCode, Is.EqualTo(ExitCodes.Ok), verify.Output + verify.Error + text);

        // Without a scope: every item that differs from the catalog, and only those.
        await CourseSteps.PutItemAsync($"{user}-academy-global", CourseSteps.ImdbRestApiItem.Replace("Europe/Zagreb", "UTC", StringComparison.Ordinal));
        var all = await Tool.RunAsync(["export", .. Common(project, user)]);

        Assert.That(all.ExitCode, Is.EqualTo(ExitCodes.Ok), all.Output + all.Error);
        Assert.That(all.Output, Does.Contain("global: 2 item(s): changed imdb-rest-api (tz)").And.Contains("jobs: 6 item(s), unchanged"));
        var after = File.ReadAllText(Path.Combine(project.Root, $"Pulumi.{user}.yaml"));
        Assert.That(after, Does.StartWith(text.TrimEnd('\n')).And.Contains("      - name: imdb-rest-api\n        tz: UTC\n"));
        Assert.That(SeedFiles(project), Is.EqualTo(seed));
        var again = await Tool.RunAsync(["verify", .. Common(project, user)]);
        Assert.That(again.ExitCode, Is.EqualTo(ExitCodes.Ok), again.Output + again.Error + after);
    }

    [Test]
    public async Task ALearnersValuesNeverGoIntoAStackFileOfAnotherLearner()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        var other = $"{user}-x";
        var stackFile = $"config:\n  academy:user: {other}\n";
        project.Write($"Pulumi.{user}.yaml", stackFile);
        Assert.That((await Tool.RunAsync("up", "--user", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint)).ExitCode, Is.Zero);
        using (var client = LocalEngine.Client())
        {
            await client.PutItemAsync($"{user}-academy-global", new() { ["name"] = new() { S = "mine" } });
        }

        var run = await Tool.RunAsync("export", "--stack", user, "--user", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint, "--table", "global", "--item", "mine");
        using var fresh = new ScratchProject();
        fresh.Write("Pulumi.other.yaml", stackFile);
        var elsewhere = await Tool.RunAsync("export", "--stack", "other", "--user", user, "--project", fresh.Root, "--endpoint", LocalEngine.Endpoint, "--table", "global", "--item", "mine");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.Output + run.Error);
            Assert.That(run.Error, Does.Contain($"export --stack {user} writes academy:items for learner {other}, but --user {user} reads {user}'s tables; nothing was written"));
            Assert.That(run.Error, Does.Contain($"give --stack {user}'s own stack"), "Pulumi.<learner>.yaml is not theirs here, so no hint names it");
            Assert.That(elsewhere.Error, Does.Contain($"export into {user}'s own stack with `academy-sandbox export --stack {user} --project {fresh.Root} --endpoint {LocalEngine.Endpoint} --table global --item mine`"), "the same table and item, not every one");
            Assert.That(File.ReadAllText(Path.Combine(project.Root, $"Pulumi.{user}.yaml")), Is.EqualTo(stackFile));
        });
    }

    [Test]
    public async Task EntriesTheLearnerWroteKeepTheirLinesAndTheWrittenItemIsReplacedInPlace()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        const string Mine = "config:\n  academy:items:\n    global:\n      # my mock\n      - {name: mock-api, retries: 3.50}\n      - name: other   # kept\n        n: 1.0\n  aws:region: eu-central-1\n";
        project.Write($"Pulumi.{user}.yaml", Mine);
        await CourseSteps.CreateTableAsync($"{user}-academy-global");
        await CourseSteps.PutItemAsync($"{user}-academy-global", CourseSteps.ImdbRestApiItem.Replace("Europe/Zagreb", "UTC", StringComparison.Ordinal));
        string[] export = ["export", "--table", "global", "--item", "imdb-rest-api", .. Common(project, user)];

        var first = await Tool.RunAsync(export);

        Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.Ok), first.Output + first.Error);
        var file = Path.Combine(project.Root, $"Pulumi.{user}.yaml");
        var text = File.ReadAllText(file);
        Assert.That(text, Does.StartWith(Mine[..Mine.IndexOf("  aws:", StringComparison.Ordinal)] + "      - name: imdb-rest-api\n        tz: UTC\n").And.EndWith("\n  aws:region: eu-central-1\n"));

        await CourseSteps.PutItemAsync($"{user}-academy-global", CourseSteps.ImdbRestApiItem.Replace("Europe/Zagreb", "Asia/Tokyo", StringComparison.Ordinal));
        var second = await Tool.RunAsync(export);

        Assert.That(second.ExitCode, Is.EqualTo(ExitCodes.Ok), second.Output + second.Error);
        Assert.That(second.Output, Does.Contain("global: 1 item(s): changed imdb-rest-api (tz)"));
        Assert.That(File.ReadAllText(file), Is.EqualTo(text.Replace("tz: UTC", "tz: Asia/Tokyo", StringComparison.Ordinal)));
    }

    [TestCase("tags", "a string set")]
    [TestCase("blob", "binary")]
    [TestCase("long", "a number of 25 significant digits")]
    public async Task AValueStackConfigCannotHoldIsOneErrorNamingItAndNothingIsWritten(string attribute, string what)
    {
        using var project = new ScratchProject();
        var user = await UpAsync(project);
        var value = attribute switch
        {
            "tags" => new AttributeValue { SS = ["a", "b"] },
            "blob" => new AttributeValue { B = new MemoryStream([1, 2, 3]) },
            _ => new AttributeValue { N = "1234567890123456789012345" },
        };
        using (var client = LocalEngine.Client())
        {
            await client.PutItemAsync($"{user}-academy-global", new() { ["name"] = new() { S = "odd" }, [attribute] = value });
        }

        var run = await Tool.RunAsync(["export", "--table", "global", "--item", "odd", .. Common(project, user)]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failed));
        Assert.That(run.Error.Trim(), Does.StartWith($"error: global-odd: attribute '{attribute}' is {what}, which academy:items cannot hold exactly; nothing was written")
            .And.Not.Contains("\n"));
        Assert.That(File.ReadAllText(Path.Combine(project.Root, $"Pulumi.{user}.yaml")), Is.EqualTo(StackFile));
    }

    [Test]
    public async Task ASetInOneItemNamesTheExportOfTheOtherItemsAndPastingItKeepsThemInTheStackFile()
    {
        using var project = new ScratchProject();
        var user = await UpAsync(project);
        using (var client = LocalEngine.Client())
        {
            await client.PutItemAsync($"{user}-academy-global", new() { ["name"] = new() { S = "tagged" }, ["tags"] = new() { SS = ["a", "b"] } });
            await client.UpdateItemAsync($"{user}-academy-global", new() { ["name"] = new() { S = "imdb-rest-api" } }, new Dictionary<string, AttributeValueUpdate>
            {
                ["tz"] = new() { Action = Amazon.DynamoDBv2.AttributeAction.PUT, Value = new() { S = "Europe/London" } },
            });
        }

        var whole = await Tool.RunAsync(["export", .. Common(project, user)]);
        Assert.That(whole.ExitCode, Is.EqualTo(ExitCodes.Failed));
        Assert.That(whole.Error, Does.StartWith("error: global-tagged: attribute 'tags' is a string set").And.Contain("exports the other items alone"));
        Assert.That(File.ReadAllText(Path.Combine(project.Root, $"Pulumi.{user}.yaml")), Is.EqualTo(StackFile), "nothing was written");

        var rest = await PastedHint.RunAsync(whole.Error, "which every learner reads);");

        Assert.That(rest.ExitCode, Is.EqualTo(ExitCodes.Ok), rest.Output + rest.Error);
        var written = File.ReadAllText(Path.Combine(project.Root, $"Pulumi.{user}.yaml"));
        Assert.That(written, Does.Contain("tz: Europe/London").And.Not.Contain("tagged"));
    }
}
