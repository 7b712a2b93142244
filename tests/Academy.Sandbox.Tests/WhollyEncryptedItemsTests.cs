using Academy.Sandbox.Cli;
using Academy.Sandbox.Tests.Support;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Tests;

/// <summary>
/// academy:items encrypted as a whole (`pulumi config set --secret academy:items`): the sandbox cannot
/// tell which live items `pulumi up` wrote from it, so `show` masks and `export` leaves out every live
/// item it cannot prove holds none of its values, that is every item that differs from the plain
/// items the catalog declares. What matches a seed item exactly is no secret: it is in the seed file.
/// </summary>
public sealed class WhollyEncryptedItemsTests
{
    private const string Token = "tok-3f9a-written-by-pulumi";
    private const string Host = "internal-host-from-the-secret.example";
    private const string JobTable = "secret_target_table_x";

    // What `pulumi up` would put from the secret: a new item, a seed item replaced, a job replaced.
    private static async Task<(ScratchProject Project, string[] Target, string User)> LiveAsync(bool replaceSource = true)
    {
        var project = new ScratchProject();
        var user = Tool.NewUser();
        SecretStackFiles.WhollyEncryptedItems(project, user);
        string[] target = ["--stack", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint];
        Assert.That((await Tool.RunAsync(["up", .. target])).ExitCode, Is.Zero);
        using var client = LocalEngine.Client();
        var global = $"{user}-academy-global";
        await client.PutItemAsync(global, new() { ["name"] = new() { S = "api-token" }, ["token"] = new() { S = Token } });
        if (replaceSource)
        {
            await client.UpdateItemAsync(global, new() { ["name"] = new() { S = "imdb-rest-api" } }, new Dictionary<string, AttributeValueUpdate>
            {
                ["host"] = new() { Action = AttributeAction.PUT, Value = new() { S = Host } },
            });
        }

        await client.UpdateItemAsync($"{user}-academy-jobs", new() { ["name"] = new() { S = "title_crew" } }, new Dictionary<string, AttributeValueUpdate>
        {
            ["table_name"] = new() { Action = AttributeAction.PUT, Value = new() { S = JobTable } },
        });
        return (project, target, user);
    }

    [Test]
    public async Task ShowMasksEveryLiveItemItCannotMatchToAPlainDeclaredItem()
    {
        var (project, target, user) = await LiveAsync(replaceSource: false);
        using var _ = project;

        var text = await Tool.RunAsync(["show", .. target]);
        var json = await Tool.RunAsync(["show", "--json", .. target]);

        Assert.Multiple(() =>
        {
            foreach (var run in new[] { text, json })
            {
                Assert.That(run.Output + run.Error, Does.Not.Contain(Token).And.Not.Contain(JobTable));
            }

            Assert.That(text.Output, Does.Contain($"Global settings: api-token ({user}-academy-global) [secret: values masked]"));
            Assert.That(text.Output, Does.Contain("ogj9fvz5cf.execute-api.eu-central-1.amazonaws.com"), "the seed's own source is no secret");
            Assert.That(text.Output, Does.Match(@"title_crew\s+\*\*\*\s+-\s+\[secret: values masked\]"), "a job it cannot prove plain");
            Assert.That(text.Output, Does.Match(@"title_ratings\s+title_ratings\s+yes"), "a job exactly the seed's");
            Assert.That(json.Output, Does.Contain("\"secret\": true"));
        });
    }

    [Test]
    public async Task ShowMasksASeedItemTheSecretMayHaveReplaced()
    {
        var (project, target, user) = await LiveAsync();
        using var _ = project;

        var show = await Tool.RunAsync(["show", .. target]);

        Assert.That(show.Output + show.Error, Does.Not.Contain(Host).And.Not.Contain(Token).And.Not.Contain(JobTable));
        Assert.That(show.Output, Does.Contain($"Global settings: imdb-rest-api ({user}-academy-global) [secret: values masked]"));
    }

    [Test]
    public async Task VerifyPlanAndAdoptMaskTheLiveValuesTheSecretMayHaveWrittenAndKeepTheCatalogsSide()
    {
        var (project, target, _) = await LiveAsync();
        using var _ = project;

        var runs = new List<(string Command, CliRun Run)>();
        foreach (var command in new[] { "verify", "plan", "adopt" })
        {
            runs.Add((command, await Tool.RunAsync([command, .. target])));
            runs.Add((command + " --json", await Tool.RunAsync([command, "--json", .. target])));
        }

        Assert.Multiple(() =>
        {
            foreach (var (command, run) in runs)
            {
                Assert.That(run.Output + run.Error, Does.Not.Contain(Host).And.Not.Contain(Token).And.Not.Contain(JobTable), command);
                Assert.That(run.Output + run.Error, Does.Contain("***"), $"{command} shows that a value is there, masked");
            }

            var verify = runs[0].Run.Output;
            Assert.That(verify, Does.Contain("extras stay (academy:items is encrypted and may declare them, so `up --prune` is refused").And.Not.Contain("--prune` also deletes extras"), "no hint up refuses");
            Assert.That(verify, Does.Contain("host: catalog {\"S\":\"ogj9fvz5cf.execute-api.eu-central-1.amazonaws.com\"}, live {\"S\":\"***\"}"), "the catalog's side is a seed file's");
        });
    }

    [Test]
    public async Task NoCommandSuggestsThePruneThatUpRefusesWhileTheItemsAreEncrypted()
    {
        var (project, target, _) = await LiveAsync(replaceSource: false);
        using var _ = project;

        var up = await Tool.RunAsync(["up", .. target]);
        var plan = await Tool.RunAsync(["plan", .. target]);
        var verify = await Tool.RunAsync(["verify", .. target]);

        Assert.Multiple(() =>
        {
            Assert.That(up.Output, Does.Contain("global: kept 1 item(s) the catalog does not declare (academy:items is encrypted and may declare them, so `up --prune` is refused; `pulumi up` manages them): api-token"));
            Assert.That(plan.Output, Does.Contain("keep       global-api-token: not in the catalog, kept (academy:items is encrypted and may declare it, so `up --prune` is refused; `pulumi up` manages it)"));
            Assert.That(verify.Output, Does.Contain("extra     global-api-token (not declared; academy:items is encrypted and may declare it, so `up --prune` is refused; `pulumi up` manages it)"));
            foreach (var run in new[] { up, plan, verify })
            {
                Assert.That(run.Output, Does.Not.Match("--prune`? (also )?deletes"), "a hint to run what up refuses");
            }
        });
    }

    [Test]
    public async Task ExportIntoTheEncryptedItemsIsRefusedAndAdoptDoesNotOfferIt()
    {
        var (project, target, user) = await LiveAsync(replaceSource: false);
        using var _ = project;
        var adopt = await Tool.RunAsync(["adopt", .. target]); // writes academy:adopt, which export then must leave as it is
        var before = File.ReadAllText(Path.Combine(project.Root, $"Pulumi.{user}.yaml"));
        var export = await Tool.RunAsync(["export", .. target, "--table", "global", "--item", "api-token"]);

        Assert.Multiple(() =>
        {
            Assert.That(adopt.Output, Does.Contain("undeclared global-api-token: not in the catalog; left as it is (never deleted), pulumi ignores it; to keep it, add it to academy:items with `pulumi config` (it is encrypted in the stack file, so export cannot)"));
            Assert.That(adopt.Output, Does.Not.Contain("academy-sandbox export"), "no export hint export refuses");
            Assert.That(export.ExitCode, Is.EqualTo(ExitCodes.Failed), export.Output);
            Assert.That(export.Error, Does.Contain($"error: export --stack writes academy:items, which is encrypted in Pulumi.{user}.yaml: the sandbox cannot add to a value it cannot decrypt; nothing was written"));
            Assert.That(File.ReadAllText(Path.Combine(project.Root, $"Pulumi.{user}.yaml")), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task ACourseStackWithItemsEncryptedMasksEveryLearnersLiveValuesToo()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        project.Write("roster.yaml", $"learners:\n  - {user}\n");
        project.Write("Pulumi.course.yaml", $"""
            config:
              academy:roster: roster.yaml
              academy:items:
                secure: {SecretStackFiles.Ciphertext}
            """);
        string[] course = ["--stack", "course", "--project", project.Root, "--endpoint", LocalEngine.Endpoint];
        Assert.That((await Tool.RunAsync(["up", .. course])).ExitCode, Is.Zero);
        using (var client = LocalEngine.Client())
        {
            await client.PutItemAsync($"{user}-academy-global", new() { ["name"] = new() { S = "api-token" }, ["token"] = new() { S = Token } });
            await client.UpdateItemAsync($"{user}-academy-global", new() { ["name"] = new() { S = "imdb-rest-api" } }, new Dictionary<string, AttributeValueUpdate>
            {
                ["host"] = new() { Action = AttributeAction.PUT, Value = new() { S = Host } },
            });
        }

        var runs = new List<(string Command, CliRun Run)>();
        foreach (var command in new[] { "show", "verify", "plan", "report" })
        {
            runs.Add((command, await Tool.RunAsync([command, .. course, "--learner", user])));
            runs.Add((command + " --json", await Tool.RunAsync([command, "--json", .. course])));
        }

        Assert.Multiple(() =>
        {
            foreach (var (command, run) in runs)
            {
                Assert.That(run.Output + run.Error, Does.Not.Contain(Host).And.Not.Contain(Token), command);
            }

            var verify = runs.Single(r => r.Command == "verify").Run.Output;
            Assert.That(verify, Does.Contain("extras stay (academy:items is encrypted and may declare them, so `up --prune` is refused").And.Not.Contain("--prune` also deletes extras"), "no hint up refuses");
        });
    }

    [Test]
    public async Task ShowStillShowsLiveItemsThatAreExactlyTheSeeds()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        SecretStackFiles.WhollyEncryptedItems(project, user);
        string[] target = ["--stack", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint];
        Assert.That((await Tool.RunAsync(["up", .. target])).ExitCode, Is.Zero);

        var show = await Tool.RunAsync(["show", .. target]);

        Assert.That(show.ExitCode, Is.Zero, show.Output + show.Error);
        Assert.That(show.Output, Does.Contain("ogj9fvz5cf.execute-api.eu-central-1.amazonaws.com").And.Contain("title_crew").And.Not.Contain("masked"));
    }

    [Test]
    public async Task ExportLeavesOutWhatItCannotProvePlainAndKeepsTheSeedsOwnVersion()
    {
        var (project, target, _) = await LiveAsync();
        using var _ = project;
        var folder = Path.Combine(project.Root, "exported");

        var export = await Tool.RunAsync(["export", "--out", folder, .. target]);

        var global = File.ReadAllText(Path.Combine(folder, "global.json"));
        var jobs = File.ReadAllText(Path.Combine(folder, "jobs.json"));
        Assert.Multiple(() =>
        {
            Assert.That(export.ExitCode, Is.Zero, export.Output + export.Error);
            Assert.That(global + jobs + export.Output + export.Error, Does.Not.Contain(Token).And.Not.Contain(Host).And.Not.Contain(JobTable));
            Assert.That(global, Does.Not.Contain("api-token"));
            Assert.That(global, Does.Contain("ogj9fvz5cf.execute-api.eu-central-1.amazonaws.com"), "the seed's own imdb-rest-api stays");
            Assert.That(jobs, Does.Contain("\"title_crew\""), "the seed's own title_crew stays");
            Assert.That(export.Output, Does.Contain("global: 2 item(s) left out: academy:items is encrypted"));
            Assert.That(export.Output, Does.Contain("jobs: 1 item(s) left out: academy:items is encrypted"));
        });
    }
}
