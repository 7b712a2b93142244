using Academy.Catalog;
using Academy.Catalog.Project;
using Academy.Catalog.Settings;
using LearnerCatalog = Academy.Catalog.Catalog;

namespace Academy.Infra.Tests.Support;

/// <summary>
/// What the program should declare, from the catalog library that is the source of truth for
/// names, items and their DynamoDB JSON, built from the same config the run gets.
/// </summary>
public static class Expected
{
    public static ProjectPaths Repo { get; } = ProjectPaths.Find(TestContext.CurrentContext.TestDirectory);

    public static LearnerCatalog Catalog(
        IReadOnlyDictionary<string, string>? config = null,
        IEnumerable<string>? secretKeys = null,
        string stack = PulumiRun.Stack)
    {
        var academy = (config ?? new Dictionary<string, string>())
            .Where(kv => kv.Key.StartsWith(ConfigKeys.Namespace + ":", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key, kv => kv.Value);
        return CatalogBuilder.Build(new DictionaryConfigSource(stack, academy, secretKeys), Repo);
    }
}
