using System.Text.Json;
using System.Text.Json.Nodes;
using Academy.Catalog.Tests.Support;
using Json.Schema;

namespace Academy.Catalog.Tests.Schemas;

/// <summary>The JSON Schemas in schemas/ as an editor loads them: each file on its own, refs between them by relative path.</summary>
internal static class EditorSchemas
{
    public const string Global = "schemas/global-items.schema.json";
    public const string Jobs = "schemas/jobs-items.schema.json";
    public const string Roster = "schemas/roster.schema.json";

    private static readonly Lazy<Dictionary<string, JsonSchema>> Built = new(() =>
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var built = new Dictionary<string, JsonSchema>();
        foreach (var file in new[] { Global, Jobs, Roster })
        {
            built[file] = JsonSchema.FromFile(TestProject.Repo.Resolve(file), options);
            options.SchemaRegistry.Register(built[file]);
        }

        return built;
    });

    /// <summary>What the schema says is wrong with <paramref name="instance"/>; empty when it validates.</summary>
    public static IReadOnlyList<string> Problems(string schema, JsonNode? instance)
    {
        using var document = JsonDocument.Parse(instance?.ToJsonString() ?? "null");
        var result = Built.Value[schema].Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).ToList();
    }

    /// <summary>The schema file as JSON, to read its properties, required fields and enums.</summary>
    public static JsonObject Text(string schema) => JsonNode.Parse(File.ReadAllText(TestProject.Repo.Resolve(schema)))!.AsObject();
}
