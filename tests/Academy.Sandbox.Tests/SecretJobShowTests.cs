using System.Text.Json.Nodes;
using Academy.Sandbox.Tests.Support;
using Amazon.DynamoDBv2.DocumentModel;

namespace Academy.Sandbox.Tests;

/// <summary>A jobs item declared by a secret academy:items value (a `--path` secret in it), live as `pulumi up` wrote it.</summary>
public sealed class SecretJobShowTests
{
    private const string SecretTable = "table_only_the_secret_knows";

    [Test]
    public async Task ShowListsTheJobByNameButPrintsNoneOfItsValues()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        var seed = JsonNode.Parse(File.ReadAllText(LocalEngine.Repo.Resolve("seed/items/jobs.json")))!.AsArray()
            .Single(j => (string?)j!["name"] == "title_crew")!;
        var job = seed.DeepClone();
        job["description"] = new JsonObject { ["secure"] = "v1:Wm9vYmFyQmF6UXV4:cGxhaW50ZXh0IGlzIG5vdCBoZXJl" };
        project.Write($"Pulumi.{user}.yaml", $$"""
            config:
              academy:items:
                jobs:
                  - {{job.ToJsonString()}}
            """);
        string[] target = ["--stack", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint];
        var up = await Tool.RunAsync(["up", .. target]);
        Assert.That(up.ExitCode, Is.Zero, up.Output + up.Error);
        using (var client = LocalEngine.Client())
        {
            // What `pulumi up` writes from the decrypted config (up skips the secret item).
            var written = seed.DeepClone();
            written["table_name"] = SecretTable;
            await client.PutItemAsync($"{user}-academy-jobs", Document.FromJson(written.ToJsonString()).ToAttributeMap());
        }

        var show = await Tool.RunAsync(["show", .. target]);

        Assert.That(show.Output + show.Error, Does.Not.Contain(SecretTable));
        Assert.That(show.Output, Does.Match(@"title_crew\s+\*\*\*\s+-\s+\[secret: values masked\]"));
    }
}
