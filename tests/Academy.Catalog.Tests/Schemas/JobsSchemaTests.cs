using System.Text.Json.Nodes;
using Academy.Catalog.Jobs;
using Academy.Catalog.Tests.Jobs;

namespace Academy.Catalog.Tests.Schemas;

/// <summary>
/// schemas/jobs-items.schema.json says what the catalog enforces for a jobs item: each field it reads,
/// whether it must be there, its JSON type and its allowed values. Each claim of the schema is tried
/// on the catalog itself (a seed job edited in a scratch project), so neither can drift alone.
/// </summary>
public class JobsSchemaTests
{
    private static JsonObject Item => EditorSchemas.Text(EditorSchemas.Jobs)["$defs"]!["item"]!.AsObject();

    // Each object of a jobs item the schema describes: where it is in title_ratings, and its schema.
    private static IEnumerable<(string Path, JsonObject Schema)> Objects()
    {
        var item = Item;
        yield return ("", item);
        var properties = item["properties"]!;
        yield return ("source_format", properties["source_format"]!.AsObject());
        yield return ("target", properties["target"]!.AsObject());
        yield return ("columns[0]", properties["columns"]!["items"]!.AsObject());
    }

    [Test]
    public void TheSchemaListsExactlyTheFieldsTheCatalogReadsAndRefusesOthers()
    {
        var fields = Item["properties"]!.AsObject().Select(p => p.Key);

        Assert.Multiple(() =>
        {
            Assert.That(fields, Is.EquivalentTo(JobFields.ItemFields));
            Assert.That(Item["additionalProperties"]!.GetValue<bool>(), Is.False, "the catalog refuses an unknown field as a typo");
        });
    }

    [Test]
    public void TheAllowedValuesAreTheCatalogsLists()
    {
        var properties = Item["properties"]!;
        string[] Enum(JsonNode? node) => node!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(Enum(properties["load_mode"]), Is.EqualTo(JobFields.LoadModes));
            Assert.That(Enum(properties["source_format"]!["properties"]!["type"]), Is.EqualTo(JobFields.SourceFormats));
            Assert.That(Enum(properties["source_format"]!["properties"]!["compression"]), Is.EqualTo(JobFields.Compressions));
            Assert.That(Enum(properties["target"]!["properties"]!["format"]), Is.EqualTo(JobFields.TargetFormats));
            Assert.That(Enum(properties["columns"]!["items"]!["properties"]!["type"]), Is.EqualTo(JobFields.ColumnTypes));
        });
    }

    [Test]
    public void AFieldTheSchemaRequiresIsOneTheCatalogRequiresAndNoOther()
    {
        Assert.Multiple(() =>
        {
            foreach (var (path, schema) in Objects())
            {
                var required = schema["required"]!.AsArray().Select(r => r!.GetValue<string>()).ToHashSet();
                foreach (var field in schema["properties"]!.AsObject().Select(p => p.Key))
                {
                    var at = Join(path, field);
                    if (Find(Seed(), at) is null)
                    {
                        continue; // title_ratings leaves it out already (watermark_column, array_delimiter)
                    }

                    var errors = CatalogErrors(job => Remove(job, at));
                    var named = errors.Any(e => e.StartsWith($"attribute '{at}': is missing", StringComparison.Ordinal)
                        || (at == JobFields.Name && e.Contains("has no key attribute 'name'", StringComparison.Ordinal)));
                    Assert.That(named, Is.EqualTo(required.Contains(field)), $"{at}: required in the schema: {required.Contains(field)}; the catalog said: {string.Join(" | ", errors)}");
                    Assert.That(EditorSchemas.Problems(EditorSchemas.Jobs, Edited(job => Remove(job, at))), required.Contains(field) ? Is.Not.Empty : Is.Empty, $"{at}: the schema without it");
                }
            }
        });
    }

    [Test]
    public void AValueOfAnotherJsonTypeIsRefusedByTheSchemaAndByTheCatalogAlike()
    {
        Assert.Multiple(() =>
        {
            foreach (var (path, schema) in Objects())
            {
                // The key's type is the table's (seed/tables.json), which the key rules check for every table.
                foreach (var (field, property) in schema["properties"]!.AsObject().Where(p => !(path.Length == 0 && p.Key == JobFields.Name)))
                {
                    var at = Join(path, field);
                    var wrong = OfAnotherType(property!, at);
                    var errors = CatalogErrors(job => Set(job, at, wrong.DeepClone()));
                    Assert.That(errors, Has.Some.StartsWith($"attribute '{at}': "), $"{at} = {wrong.ToJsonString()}: the catalog");
                    Assert.That(EditorSchemas.Problems(EditorSchemas.Jobs, Edited(job => Set(job, at, wrong.DeepClone()))), Is.Not.Empty, $"{at} = {wrong.ToJsonString()}: the schema");
                }
            }
        });
    }

    [Test]
    public void AnIncrementalLoadNeedsAWatermarkColumnAndAFullOneMustNotHaveOne()
    {
        Assert.Multiple(() =>
        {
            Assert.That(EditorSchemas.Problems(EditorSchemas.Jobs, Edited(j => j["load_mode"] = "incremental")), Is.Not.Empty);
            Assert.That(EditorSchemas.Problems(EditorSchemas.Jobs, Edited(j => j["watermark_column"] = "tconst")), Is.Not.Empty);
            Assert.That(EditorSchemas.Problems(EditorSchemas.Jobs, Edited(j => { j["load_mode"] = "incremental"; j["watermark_column"] = "numVotes"; })), Is.Empty);
            Assert.That(CatalogErrors(j => { j["load_mode"] = "incremental"; j["watermark_column"] = "numVotes"; }), Is.Empty, "what the schema accepts, the catalog accepts");
        });
    }

    // A value of a JSON type the property's schema does not allow: the type the catalog is most
    // likely to be handed by mistake (a string for a boolean, a number for a string).
    private static JsonNode OfAnotherType(JsonNode property, string at)
    {
        var type = (string?)property["type"] ?? (property["$ref"] is not null ? "string" : property["enum"] is not null ? "string" : null);
        if (property["$ref"] is { } reference && ((string?)reference)!.EndsWith("/names", StringComparison.Ordinal))
        {
            type = "array";
        }

        return type switch
        {
            "string" => JsonValue.Create(7),
            "boolean" => JsonValue.Create("true"),
            "array" => JsonValue.Create("tconst"),
            "object" => JsonValue.Create("s3://bucket/imdb/"),
            _ => throw new AssertionException($"{at}: no type in the schema"),
        };
    }

    private static string Join(string path, string field) => path.Length == 0 ? field : $"{path}.{field}";

    private static JsonObject Seed()
    {
        var jobs = JsonNode.Parse(File.ReadAllText(Support.TestProject.Repo.Resolve(JobsScratch.JobsFile)))!.AsArray();
        return jobs.Single(j => (string?)j!["name"] == "title_ratings")!.AsObject();
    }

    private static JsonArray Edited(Action<JsonObject> edit)
    {
        var job = Seed();
        edit(job);
        return [job.DeepClone()];
    }

    private static List<string> CatalogErrors(Action<JsonObject> edit)
    {
        using var project = new JobsScratch();
        project.EditJob("title_ratings", edit);
        try
        {
            project.Build();
            return [];
        }
        catch (Errors.CatalogException e)
        {
            // An item without its key is named by its place in the file.
            return e.Errors.Where(x => x.Item is "title_ratings" || x.Item?.StartsWith('#') == true).Select(x => x.Message).ToList();
        }
    }

    // "source_format.compression", "columns[0].type": the parent object and the field's name.
    private static (JsonObject Parent, string Field) Locate(JsonObject job, string at)
    {
        var parts = at.Split('.');
        JsonNode node = job;
        foreach (var part in parts[..^1])
        {
            node = part.EndsWith("[0]", StringComparison.Ordinal) ? node[part[..^3]]![0]! : node[part]!;
        }

        return (node.AsObject(), parts[^1]);
    }

    private static JsonNode? Find(JsonObject job, string at)
    {
        var (parent, field) = Locate(job, at);
        return parent[field];
    }

    private static void Remove(JsonObject job, string at)
    {
        var (parent, field) = Locate(job, at);
        parent.Remove(field);
    }

    private static void Set(JsonObject job, string at, JsonNode value)
    {
        var (parent, field) = Locate(job, at);
        parent[field] = value;
    }
}
