using Academy.Catalog.Project;
using Academy.Catalog.Settings;

namespace Academy.Catalog.Tests.Support;

/// <summary>The repository's own project, and throw-away copies of it for tests that change files.</summary>
public static class TestProject
{
    public static ProjectPaths Repo => ScratchProject.Repo;

    public static Catalog Build(string stack = "alice", Dictionary<string, string>? config = null, IEnumerable<string>? secretKeys = null, ProjectPaths? paths = null) =>
        CatalogBuilder.Build(new DictionaryConfigSource(stack, config, secretKeys), paths ?? Repo);
}
