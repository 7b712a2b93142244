using Academy.Sandbox.Adopt;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Config;
using YamlDotNet.RepresentationModel;

namespace Academy.Sandbox.Tests.Adopt;

public sealed class StackFileAdoptWriterTests
{
    private static readonly AdoptConfig Config = new([new("global", [["imdb-rest-api"]]), new("jobs", [])]);

    private static string DevStack => File.ReadAllText(LocalEngine.Repo.Resolve("Pulumi.dev.yaml"));

    private static string ConfigValue(string yaml, string key)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var config = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("config")];
        return PulumiYamlJson.ConfigValue(config.Children[new YamlScalarNode(key)], out _, out _);
    }

    [Test]
    public void WritingIntoTheExampleStackAddsOnlyTheAdoptLines()
    {
        var before = DevStack;

        var after = StackFileAdoptWriter.Edit(before, Config, "Pulumi.dev.yaml");

        const string block = "\n  academy:adopt:\n    global:\n      - imdb-rest-api\n    jobs: []";
        Assert.That(after, Does.Contain(block + "\n"));
        Assert.That(after.Replace(block, "", StringComparison.Ordinal), Is.EqualTo(before), "every other line, comments included, in its place");
        Assert.That(ConfigValue(after, "academy:adopt"), Is.EqualTo("""{"global":["imdb-rest-api"],"jobs":[]}"""));
        Assert.That(ConfigValue(after, "academy:items"), Is.EqualTo(ConfigValue(before, "academy:items")));
    }

    [Test]
    public void WritingAgainReplacesTheOldListAndKeepsTheCommentsAroundIt()
    {
        var before = """
            # my stack
            config:
              academy:user: alice
              # what adopt found last time
              academy:adopt:
                global: [imdb-rest-api, old-item]
                jobs:
                  - title_crew
              # keep this comment
              aws:region: eu-central-1 # and this one
            """;

        var after = StackFileAdoptWriter.Edit(before, Config, "Pulumi.alice.yaml");

        Assert.That(after, Is.EqualTo("""
            # my stack
            config:
              academy:user: alice
              # what adopt found last time
              academy:adopt:
                global:
                  - imdb-rest-api
                jobs: []
              # keep this comment
              aws:region: eu-central-1 # and this one
            """));
    }

    [Test]
    public void AStackFileWithoutConfigGetsAConfigBlockAtTheEnd()
    {
        var after = StackFileAdoptWriter.Edit("# empty stack\nencryptionsalt: v1:abc\n", Config, "Pulumi.a.yaml");

        Assert.That(after, Is.EqualTo("# empty stack\nencryptionsalt: v1:abc\nconfig:\n  academy:adopt:\n    global:\n      - imdb-rest-api\n    jobs: []\n"));
    }

    [Test]
    public void WindowsLineEndingsStayWindowsLineEndings()
    {
        var after = StackFileAdoptWriter.Edit("config:\r\n  academy:user: alice\r\n", Config, "Pulumi.a.yaml");

        Assert.That(after, Is.EqualTo("config:\r\n  academy:user: alice\r\n  academy:adopt:\r\n    global:\r\n      - imdb-rest-api\r\n    jobs: []\r\n"));
    }

    [TestCase("config: {academy:user: alice}", "config: is not a block mapping")]
    [TestCase("config:\n  academy:user: [alice\n", "malformed YAML at line")]
    [TestCase("- just\n- a list\n", "not a block mapping")]
    [TestCase("config:\n  academy:adopt: &a {global: []}\n  academy:tags: *a\n", "cannot edit safely")]
    [TestCase("config:\n  academy:adopt: {}\n  academy:adopt: {}\n", "cannot edit safely")]
    [TestCase("config:\n  ? [a, b]\n  : c\n", "cannot edit safely")]
    public void AFileThisCannotEditSafelyIsLeftAsItWasWithOneError(string text, string message)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("adopt-yaml-").FullName, "Pulumi.x.yaml");
        File.WriteAllText(file, text);

        var error = Assert.Throws<SandboxException>(() => StackFileAdoptWriter.Write(file, "Pulumi.x.yaml", Config))!;

        Assert.That(error.Message, Does.StartWith("error: Pulumi.x.yaml: ").And.Contains(message));
        Assert.That(File.ReadAllText(file), Is.EqualTo(text));
        Assert.That(Directory.GetFiles(Path.GetDirectoryName(file)!), Has.Length.EqualTo(1), "no temporary file left behind");
    }
}
