using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Academy.Catalog.Tests.Support;

namespace Academy.Catalog.Tests.Schemas;

/// <summary>
/// Opening a seed file in VS Code or a JetBrains IDE finds its schema: each editor's mapping names a
/// schema that exists for each file the catalog reads. The seed item files are JSON arrays, so they
/// cannot carry a "$schema" key (and one inside an item would become an attribute): the mappings do.
/// </summary>
public partial class EditorWiringTests
{
    private static readonly Dictionary<string, string> SchemaOf = new()
    {
        ["seed/items/global.json"] = EditorSchemas.Global,
        ["seed/items/jobs.json"] = EditorSchemas.Jobs,
        ["seed/roster.yaml"] = EditorSchemas.Roster,
    };

    [Test]
    public void VsCodeMapsEachSeedFileToItsSchema()
    {
        var settings = JsonNode.Parse(File.ReadAllText(TestProject.Repo.Resolve(".vscode/settings.json")))!;
        var mapped = new Dictionary<string, string>();
        foreach (var entry in settings["json.schemas"]!.AsArray())
        {
            foreach (var match in entry!["fileMatch"]!.AsArray())
            {
                mapped[((string)match!).TrimStart('/')] = Normal((string)entry["url"]!);
            }
        }

        foreach (var (schema, files) in settings["yaml.schemas"]!.AsObject())
        {
            foreach (var file in files!.AsArray())
            {
                mapped[(string)file!] = Normal(schema);
            }
        }

        Assert.That(SchemaOf.Select(s => (s.Key, mapped.GetValueOrDefault(s.Key))), Is.EqualTo(SchemaOf.Select(s => (s.Key, (string?)s.Value))));
    }

    [Test]
    public void JetBrainsMapsEachSeedFileToItsSchema()
    {
        var xml = XDocument.Load(TestProject.Repo.Resolve(".idea/jsonSchemas.xml"));
        var mapped = xml.Descendants("SchemaInfo").SelectMany(info =>
        {
            var schema = info.Elements("option").Single(o => (string?)o.Attribute("name") == "relativePathToSchema").Attribute("value")!.Value;
            return info.Descendants("Item").Select(item => (File: item.Elements("option").Single(o => (string?)o.Attribute("name") == "path").Attribute("value")!.Value, Schema: schema));
        }).ToDictionary(m => m.File, m => m.Schema);

        Assert.That(SchemaOf.Select(s => (s.Key, mapped.GetValueOrDefault(s.Key))), Is.EqualTo(SchemaOf.Select(s => (s.Key, (string?)s.Value))));
    }

    [Test]
    public void TheRosterNamesItsSchemaForTheYamlLanguageServer()
    {
        var first = File.ReadLines(TestProject.Repo.Resolve("seed/roster.yaml")).First();
        var schema = SchemaComment().Match(first);

        Assert.That(schema.Success, Is.True, first);
        Assert.That(Normal(Path.GetRelativePath(TestProject.Repo.Root, Path.GetFullPath(Path.Combine(TestProject.Repo.Resolve("seed"), schema.Groups[1].Value)))), Is.EqualTo(EditorSchemas.Roster));
    }

    [Test]
    public void EverySchemaAnEditorIsPointedAtExists()
    {
        Assert.That(SchemaOf.Values.Distinct().Where(s => !File.Exists(TestProject.Repo.Resolve(s))), Is.Empty);
    }

    private static string Normal(string path) => path.Replace('\\', '/').TrimStart('.', '/');

    [GeneratedRegex(@"^# yaml-language-server: \$schema=(\S+)$")]
    private static partial Regex SchemaComment();
}
