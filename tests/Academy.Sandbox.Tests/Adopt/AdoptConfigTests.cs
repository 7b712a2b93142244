using System.Text.Json.Nodes;
using Academy.Sandbox.Adopt;
using Academy.Sandbox.Config;
using YamlDotNet.RepresentationModel;

namespace Academy.Sandbox.Tests.Adopt;

public sealed class AdoptConfigTests
{
    private static AdoptConfig Config(params AdoptConfig.TableEntry[] tables) => new(tables);

    private static AdoptConfig.TableEntry Table(string key, params string[][] items) => new(key, items);

    [Test]
    public void TheJsonIsWhatPulumiHandsTheProgramWithTablesInKeyOrder()
    {
        var config = Config(Table("jobs"), Table("global", ["imdb-rest-api"]));

        Assert.That(config.ToJson(), Is.EqualTo("""{"global":["imdb-rest-api"],"jobs":[]}"""));
    }

    [Test]
    public void CliLinesClearTheKeyThenSetOnePathPerItem()
    {
        var config = Config(Table("global", ["imdb-rest-api"], ["dev notes"]), Table("runs", ["a", "2026"]), Table("v1.2", ["x"]));

        Assert.That(config.CliLines(), Is.EqualTo(new[]
        {
            "pulumi config rm academy:adopt",
            "pulumi config set --path 'academy:adopt.global[0]' imdb-rest-api",
            "pulumi config set --path 'academy:adopt.global[1]' 'dev notes'",
            "pulumi config set --path 'academy:adopt.runs[0][0]' a",
            // Pulumi would store a bare 2026 as a number under --path.
            "pulumi config set --path --type string 'academy:adopt.runs[0][1]' 2026",
            // A '.' in a table key would split the path; the bracket form keeps it one key.
            """pulumi config set --path 'academy:adopt["v1.2"][0]' x""",
        }));
    }

    [Test]
    public void ATableWithNothingButItselfToImportIsSetAsOneJsonValue()
    {
        var config = Config(Table("global", ["it's"]), Table("jobs"));

        Assert.That(config.CliLines(), Is.EqualTo(new[]
        {
            "pulumi config rm academy:adopt",
            """pulumi config set academy:adopt '{"global":["it'\''s"],"jobs":[]}'""",
        }));
    }

    [Test]
    public void YamlQuotesEveryKeyAReaderCouldTakeForSomethingElse()
    {
        var config = Config(Table("global", ["true"], ["007"], ["a: b"], ["plain-name.v2"], ["Zürich"]), Table("jobs"));
        var yaml = "config:\n" + string.Join("\n", config.ToYamlLines("  ")) + "\n";

        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var value = ((YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("config")]).Children[new YamlScalarNode("academy:adopt")];
        var read = JsonNode.Parse(PulumiYamlJson.ConfigValue(value, out _, out _));
        Assert.That(JsonNode.DeepEquals(read, JsonNode.Parse(config.ToJson())), Is.True, read!.ToJsonString());
        Assert.That(yaml, Does.Contain("    - plain-name.v2\n").And.Contain("    - \"true\"\n").And.Contain("    - \"007\"\n"));
    }
}
