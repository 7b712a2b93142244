using Academy.Catalog;
using Academy.Sandbox.Config;
using Academy.Sandbox.Tests.Support;
using Academy.Sandbox.Up;

namespace Academy.Sandbox.Tests;

/// <summary>
/// A tag set with `pulumi config set --secret --path academy:tags.team`: only the Pulumi CLI can
/// decrypt it, so the sandbox leaves it off the tables it creates and says so, as it skips secret
/// items; the tags of that key it can read are sent but never printed.
/// </summary>
public sealed class SecretTagTests
{
    private const string Ciphertext = "v1:Wm9vYmFyQmF6UXV4:dGVhbSBzZWNyZXQ=";

    [Test]
    public async Task ASecretTagIsLeftOffTheTablesWithAWarningAndNeverSentAsPlaceholderText()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        project.Write($"Pulumi.{user}.yaml", $"""
            config:
              academy:tags:
                cohort: autumn-plain
                team:
                  secure: {Ciphertext}
            """);
        string[] stack = ["--stack", user, "--project", project.Root];

        var plan = await Tool.RunAsync(["plan", .. stack]);
        var up = await Tool.RunAsync(["up", .. stack, "--endpoint", LocalEngine.Endpoint]);
        var catalog = CatalogBuilder.Build(StackFileConfigSource.Load(project.Paths, user), project.Paths);
        var sent = TableProvisioner.CreateRequest(catalog.Table("global")).Tags.ToDictionary(t => t.Key, t => t.Value);

        Assert.Multiple(() =>
        {
            Assert.That(plan.ExitCode, Is.Zero, plan.Error);
            Assert.That(plan.Error, Does.Contain($"Pulumi.{user}.yaml: config academy:tags.team: is encrypted").And.Contain("leaves this tag off"));
            Assert.That(plan.Output, Does.Contain("cohort=***").And.Not.Contain("autumn-plain"), "a value of a secret key is masked like a secret item's");
            Assert.That(up.ExitCode, Is.Zero, up.Error);
            Assert.That(up.Error, Does.Contain("config academy:tags.team: is encrypted"));
            Assert.That(plan.Output + plan.Error + up.Output + up.Error, Does.Not.Contain("[secret").And.Not.Contain(Ciphertext));
            Assert.That(sent, Does.Not.ContainKey("team"));
            Assert.That(sent.Values, Has.None.Contains("secret"));
            Assert.That(sent["cohort"], Is.EqualTo("autumn-plain"), "what the sandbox can read still goes on the table");
            Assert.That(sent["learner"], Is.EqualTo(user));
        });
    }

    [Test]
    public async Task AdoptComparesTagsWithoutPrintingTheValuesOfASecretTagsKey()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        project.Write($"Pulumi.{user}.yaml", $"""
            config:
              academy:tags:
                cohort: autumn-plain
                team:
                  secure: {Ciphertext}
            """);
        string[] target = ["--stack", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint];
        Assert.That((await Tool.RunAsync(["up", .. target])).ExitCode, Is.Zero);
        using (var client = LocalEngine.Client())
        {
            // As `pulumi up` tagged it from the decrypted config.
            var arn = (await client.DescribeTableAsync($"{user}-academy-global")).Table.TableArn;
            try
            {
                await client.TagResourceAsync(new() { ResourceArn = arn, Tags = [new() { Key = "team", Value = "decrypted-team-value" }] });
            }
            catch (IOException)
            {
                // The local engine's empty reply fails the SDK's CRC check; the tag is stored (asserted below).
            }

            var live = await client.ListTagsOfResourceAsync(new() { ResourceArn = arn });
            Assert.That(live.Tags.Select(t => t.Value), Does.Contain("decrypted-team-value"));
        }

        var adopt = await Tool.RunAsync(["adopt", .. target]);

        Assert.That(adopt.Output + adopt.Error, Does.Contain("tags: catalog").And.Contain("team=***").And.Contain("cohort=***"));
        Assert.That(adopt.Output + adopt.Error, Does.Not.Contain("decrypted-team-value").And.Not.Contain("autumn-plain"));
    }
}
