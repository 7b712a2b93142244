using Academy.Sandbox.Cli;
using Academy.Sandbox.Tests.Support;

namespace Academy.Sandbox.Tests;

/// <summary>
/// Stack files holding values set with `pulumi config set --secret`: the sandbox cannot decrypt them,
/// so it says so, leaves out what it cannot know, and still reaches "in step" on what it can.
/// </summary>
public sealed class EncryptedConfigTests
{
    private const string Ciphertext = SecretStackFiles.Ciphertext;

    [Test]
    public async Task AWhollyEncryptedItemsKeyIsExplainedAndItsItemsLeftOut()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        SecretStackFiles.WhollyEncryptedItems(project, user);
        string[] stack = ["--stack", user, "--project", project.Root];
        string[] target = [.. stack, "--endpoint", LocalEngine.Endpoint];

        var plan = await Tool.RunAsync(["plan", .. stack]);
        var up = await Tool.RunAsync(["up", .. target]);
        var verify = await Tool.RunAsync(["verify", .. target]);

        Assert.Multiple(() =>
        {
            Assert.That(plan.ExitCode, Is.Zero, plan.Error);
            Assert.That(plan.Error, Does.Contain($"Pulumi.{user}.yaml: config academy:items: is encrypted (set with `pulumi config set --secret`)")
                .And.Contain("leaves out the items it holds").And.Not.Contain("malformed JSON"));
            Assert.That(plan.Output + plan.Error, Does.Not.Contain(Ciphertext));
            Assert.That(plan.Output, Does.Contain("global-imdb-rest-api"), "the seed items are still planned");
            Assert.That(up.ExitCode, Is.Zero, up.Error);
            Assert.That(verify.ExitCode, Is.Zero, verify.Output + verify.Error);
            Assert.That(verify.Output, Does.Contain("in step"));
        });
    }

    [Test]
    public async Task PruneIsRefusedWhileTheWholeItemsKeyIsEncryptedSoNoItemItDeclaresIsDeleted()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        SecretStackFiles.WhollyEncryptedItems(project, user);
        string[] target = ["--stack", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint];
        Assert.That((await Tool.RunAsync(["up", .. target])).ExitCode, Is.Zero);
        using (var client = LocalEngine.Client())
        {
            await client.PutItemAsync($"{user}-academy-global", new() { ["name"] = new() { S = "written-by-pulumi-from-the-secret" } });
        }

        var prune = await Tool.RunAsync(["up", .. target, "--prune", "--yes"]);

        var left = await Support.Items.ScanAsync($"{user}-academy-global");
        Assert.Multiple(() =>
        {
            Assert.That(prune.ExitCode, Is.EqualTo(ExitCodes.Failed));
            Assert.That(prune.Error, Does.Contain("up --prune refused: academy:items is encrypted in the stack file"));
            Assert.That(left.Select(i => i["name"].S), Does.Contain("written-by-pulumi-from-the-secret"), "nothing was deleted");
        });
    }

    [Test]
    public async Task VerifyReportsAPathSecretItemAsSkippedAndTheStackInStep()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        SecretStackFiles.SecretTokenItem(project, user);
        string[] target = ["--stack", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint];

        var up = await Tool.RunAsync(["up", .. target]);
        var verify = await Tool.RunAsync(["verify", .. target]);

        Assert.That(up.ExitCode, Is.Zero, up.Error);
        Assert.That(verify.ExitCode, Is.Zero, verify.Output + verify.Error);
        Assert.That(verify.Output, Does.Contain("skipped   global-api-token").And.Contain("1 skipped (secret)").And.Contain("in step").And.Not.Contain("missing"));
    }

    [Test]
    public async Task AnEncryptedUserSaysSoAndAsksForTheUserFlag()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        project.Write($"Pulumi.{user}.yaml", $"""
            config:
              academy:user:
                secure: {Ciphertext}
            """);

        var plan = await Tool.RunAsync("plan", "--stack", user, "--project", project.Root);
        var withUser = await Tool.RunAsync("plan", "--stack", user, "--project", project.Root, "--user", "bob");

        Assert.Multiple(() =>
        {
            Assert.That(plan.ExitCode, Is.EqualTo(ExitCodes.CatalogInvalid));
            Assert.That(plan.Error, Does.Contain("config academy:user: is encrypted (set with `pulumi config set --secret`)")
                .And.Contain("give the learner name with --user").And.Not.Contain("cannot name a table").And.Not.Contain(Ciphertext));
            Assert.That(withUser.ExitCode, Is.Zero, withUser.Error);
            Assert.That(withUser.Output, Does.Contain("bob-academy-global"));
        });
    }

    [Test]
    public async Task ABadUserFlagIsBlamedOnTheFlag()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        project.Write($"Pulumi.{user}.yaml", """
            config:
              academy:user: fine-name
            """);

        var run = await Tool.RunAsync("plan", "--stack", user, "--project", project.Root, "--user", "bad name");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.CatalogInvalid));
        Assert.That(run.Error, Does.Contain("--user: 'bad name' cannot name a table").And.Not.Contain("config academy:user"));
    }

    [Test]
    public async Task AnEmptyUserFlagIsBlamedOnTheFlag()
    {
        var run = await Tool.RunAsync("plan", "--project", LocalEngine.Repo.Root, "--user", "");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.CatalogInvalid));
        Assert.That(run.Error, Does.Contain("--user: is empty; set a learner name").And.Not.Contain("remove the key"));
    }
}
