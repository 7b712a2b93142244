using System.Text.Json.Nodes;
using Academy.Catalog.Errors;
using Academy.Catalog.Roster;
using Academy.Catalog.Settings;
using Academy.Catalog.Tests.Jobs;
using Academy.Catalog.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Academy.Catalog.Tests.Schemas;

/// <summary>
/// The seed files and the roster validate against the schemas editors use for them, and the global
/// item's and the roster's schemas say what the catalog enforces for them.
/// </summary>
public class SeedFilesSchemaTests
{
    [TestCase("seed/items/global.json", EditorSchemas.Global)]
    [TestCase("seed/items/jobs.json", EditorSchemas.Jobs)]
    public void ASeedFileValidates(string file, string schema)
    {
        var items = JsonNode.Parse(File.ReadAllText(TestProject.Repo.Resolve(file)));

        Assert.That(EditorSchemas.Problems(schema, items), Is.Empty);
    }

    [Test]
    public void TheRosterValidatesAsTheCatalogReadsIt()
    {
        Assert.That(EditorSchemas.Problems(EditorSchemas.Roster, RosterAsJson(File.ReadAllText(TestProject.Repo.Resolve("seed/roster.yaml")))), Is.Empty);
    }

    [TestCase("tz")]
    [TestCase("url")]
    [TestCase("partitions_uri")]
    public void AGlobalFieldTheSchemaRequiresIsOneTheCatalogRequires(string field)
    {
        using var project = new JobsScratch();
        project.EditGlobal(g => g.Remove(field));
        var global = GlobalItem();
        global.Remove(field);

        Assert.Multiple(() =>
        {
            Assert.That(Required(EditorSchemas.Global), Does.Contain(field));
            Assert.That(project.Errors().Select(e => e.Message), Has.Some.StartWith($"attribute '{field}': is missing"));
            Assert.That(EditorSchemas.Problems(EditorSchemas.Global, new JsonArray(global)), Is.Not.Empty);
        });
    }

    [TestCase("tz")]
    [TestCase("url")]
    [TestCase("partitions_uri")]
    [TestCase("jobs")]
    public void AGlobalFieldThatIsNotAStringIsRefusedByTheSchemaAndTheCatalog(string field)
    {
        using var project = new JobsScratch();
        project.EditGlobal(g => g[field] = 7);
        var global = GlobalItem();
        global[field] = 7;

        Assert.Multiple(() =>
        {
            Assert.That(project.Errors().Select(e => e.Message), Has.Some.StartWith($"attribute '{field}': "));
            Assert.That(EditorSchemas.Problems(EditorSchemas.Global, new JsonArray(global)), Is.Not.Empty);
        });
    }

    [Test]
    public void TheRostersLearnerFieldsAreTheCatalogsWithTheirTypes()
    {
        var schema = EditorSchemas.Text(EditorSchemas.Roster);
        var learner = schema["properties"]!["learners"]!["items"]!["oneOf"]![1]!["properties"]!.AsObject();
        var expected = RosterReader.LearnerOptions.Select(o => (o.Name, o.Type == ConfigType.Object ? "object" : "string")).Prepend((RosterReader.NameField, "string"));

        Assert.Multiple(() =>
        {
            Assert.That(learner.Select(p => (p.Key, (string?)p.Value!["type"] ?? "?")), Is.EquivalentTo(expected));
            Assert.That(schema["properties"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { RosterReader.LearnersField, RosterReader.TableQuotaField }));
        });
    }

    [TestCase("learners: [alice, {name: bob, etlRole: x}]")]
    [TestCase("learners: [alice]\nquota: 3000")]
    [TestCase("learners: [alice, {etlRoleName: x}]")]
    [TestCase("learners: [alice, {name: bob, tags: [a, b]}]")]
    [TestCase("students: [alice]")]
    [TestCase("learners: [{name: carol, items: {global: [{name: imdb-rest-api, tz: 5, url: x, partitions_uri: /p}]}}]")]
    public void ARosterTheCatalogRefusesTheSchemaRefusesToo(string roster)
    {
        using var project = new ScratchProject();
        project.Write("roster.yaml", roster);

        Assert.Multiple(() =>
        {
            Assert.Throws<CatalogException>(() => CourseBuilder.Build(new DictionaryConfigSource("course"), project.Paths, "roster.yaml"));
            Assert.That(EditorSchemas.Problems(EditorSchemas.Roster, RosterAsJson(roster)), Is.Not.Empty);
        });
    }

    private static JsonObject GlobalItem() =>
        JsonNode.Parse(File.ReadAllText(TestProject.Repo.Resolve(JobsScratch.GlobalFile)))!.AsArray()[0]!.DeepClone().AsObject();

    private static IEnumerable<string> Required(string schema) =>
        EditorSchemas.Text(schema)["$defs"]!["item"]!["required"]!.AsArray().Select(r => r!.GetValue<string>());

    // The roster typed as the catalog types it (YamlJson), which is what an editor's YAML support sees too.
    private static JsonNode? RosterAsJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var json = YamlJson.Convert(stream.Documents[0].RootNode, (line, message) => Assert.Fail($"line {line}: {message}"));
        return JsonNode.Parse(json!);
    }
}
