using Academy.Sandbox.Cli;
using Academy.Sandbox.Config;
using Academy.Sandbox.Tests.Support;

namespace Academy.Sandbox.Tests;

/// <summary>--stack takes what Pulumi takes as a stack name, and never names a file outside the project.</summary>
public sealed class StackNameTests
{
    [TestCase("show")]
    [TestCase("verify")]
    [TestCase("up")]
    [TestCase("plan")]
    [TestCase("adopt")]
    [TestCase("export")]
    [TestCase("down")]
    public async Task AStackNameThatClimbsOutOfTheProjectIsOneUsageLineAndNoFileOutsideIsReadOrWritten(string command)
    {
        using var project = new ScratchProject();
        var name = "evil-" + Guid.NewGuid().ToString("N")[..8];
        var outside = Path.Combine(Path.GetDirectoryName(project.Root)!, name + ".yaml");
        File.WriteAllText(outside, "config:\n  academy:user: evil\n");
        try
        {
            string[] target = command == "plan" ? [] : ["--endpoint", LocalEngine.Endpoint]; // plan reads no engine
            var run = await Tool.RunAsync([command, "--stack", $"x/../../{name}", "--project", project.Root, .. target]);

            Assert.Multiple(() =>
            {
                Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.Output + run.Error);
                Assert.That(run.Error.Trim().Split('\n'), Has.Length.EqualTo(1), run.Error);
                Assert.That(run.Error, Does.StartWith("--stack \"x/../../").And.Contain("Pulumi's rule"));
                Assert.That(run.Output, Does.Not.Contain("evil"), "nothing was read from the file outside");
                Assert.That(File.ReadAllText(outside), Is.EqualTo("config:\n  academy:user: evil\n"), "nothing was written to it");
            });
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [TestCase("a/b/c/d", "has 4 parts")]
    [TestCase("", "a stack name is 1 to 100")]
    [TestCase("dev/", "a stack name is 1 to 100")]
    [TestCase("my stack", "a stack name is 1 to 100")]
    [TestCase("dev\n", "a stack name is 1 to 100")]
    [TestCase("acme\n/dev", "an owner")]
    [TestCase("dev\u001b[2J", "\\u001B[2J")]
    [TestCase("x/dev", "an owner")]
    [TestCase("acme/my project/dev", "a project name")]
    public void PulumisStackNameRuleIsTheSandboxs(string stack, string words) =>
        Assert.That(PulumiStackName.Problem(stack), Does.Contain(words).And.Not.Contain("\u001b"));

    [TestCase("dev")]
    [TestCase("course.2025_spring-b")]
    [TestCase("acme/dev")]
    [TestCase("acme-corp/academy/dev")]
    public void NamesPulumiAcceptsAreAccepted(string stack) =>
        Assert.That(PulumiStackName.Problem(stack), Is.Null);

    [Test]
    public void AQualifiedStackNameReadsTheStackFileNamedAfterItsLastPart()
    {
        using var project = new ScratchProject();
        project.Write("Pulumi.bob.yaml", "config:\n  academy:tags:\n    team: data\n");

        var config = StackFileConfigSource.Load(project.Paths, "acme/academy/bob");

        Assert.That((config.StackName, config.Get("tags")), Is.EqualTo(("bob", """{"team":"data"}""")));
    }

    [TestCase("plan")]
    [TestCase("adopt")]
    public async Task AStackOfAnotherProjectIsRefusedNamingBothProjectsAndNothingIsWritten(string command)
    {
        using var project = new ScratchProject();
        project.Write("Pulumi.dev.yaml", "config:\n  academy:user: bob\n");

        var run = await Tool.RunAsync(command, "--stack", "acme/otherproject/dev", "--project", project.Root, "--endpoint", LocalEngine.Endpoint);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.CatalogInvalid), run.Error);
            Assert.That(run.Error, Does.Contain("--stack: 'acme/otherproject/dev' is a stack of project 'otherproject', but Pulumi.yaml names this project 'academy'")
                .And.Contain("give --stack dev or acme/academy/dev"));
            Assert.That(File.ReadAllText(Path.Combine(project.Root, "Pulumi.dev.yaml")), Is.EqualTo("config:\n  academy:user: bob\n"));
        });
    }

    [TestCase("dev", "`pulumi stack init dev`")]
    [TestCase("acme/academy/dev", "`pulumi stack init acme/academy/dev`")]
    [TestCase("-dev", "`pulumi stack init --stack=-dev`")]
    public async Task TheHintToCreateAMissingStackIsAPulumiCommandLineThatCreatesExactlyThatStack(string stack, string hint)
    {
        using var project = new ScratchProject();

        var run = await Tool.RunAsync("plan", $"--stack={stack}", "--project", project.Root);

        Assert.That(run.Error, Does.Contain($"not found; create it with {hint} or leave out --stack"), "-dev alone is a flag to the Pulumi CLI");
    }
}
