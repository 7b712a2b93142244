using Academy.Sandbox.Tests.Support;

namespace Academy.Sandbox.Tests.Export;

/// <summary>An item declared by a secret academy:items value, present live (put there by `pulumi up`).</summary>
public sealed class SecretExportTests
{
    private const string Token = "plaintext-token-from-pulumi";

    [Test]
    public async Task ExportNeverWritesItToASeedFileAndAdoptNeverPrintsIt()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        SecretStackFiles.SecretTokenItem(project, user);
        string[] common = ["--stack", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint];
        Assert.That((await Tool.RunAsync(["up", .. common])).ExitCode, Is.Zero);
        using (var client = LocalEngine.Client())
        {
            await client.PutItemAsync($"{user}-academy-global", new() { ["name"] = new() { S = "api-token" }, ["token"] = new() { S = Token } });
        }

        var export = await Tool.RunAsync(["export", .. common]);
        var adopt = await Tool.RunAsync(["adopt", "--json", .. common]);

        Assert.That(export.ExitCode, Is.Zero, export.Error);
        Assert.That(export.Output, Does.Contain("global: 1 item(s) left out: they are declared by a secret academy:items value"));
        Assert.That(File.ReadAllText(Path.Combine(project.Root, "seed/items/global.json")), Does.Not.Contain("api-token").And.Not.Contain(Token));
        Assert.That(adopt.Output, Does.Contain("\"state\": \"secret\"").And.Not.Contain(Token));
    }
}
