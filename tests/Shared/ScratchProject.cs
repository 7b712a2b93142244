using Academy.Catalog.Project;

namespace Academy.Tests.Shared;

/// <summary>
/// A temporary project: a copy of the repository's Pulumi.yaml and seed/, editable per test. One
/// source file linked into the catalog and sandbox tests and the benchmarks, so all make projects alike.
/// </summary>
public sealed class ScratchProject : IDisposable
{
    public ScratchProject()
    {
        Root = Directory.CreateTempSubdirectory("academy-test-").FullName;
        File.Copy(Repo.Resolve(ProjectPaths.ProjectFile), Path.Combine(Root, ProjectPaths.ProjectFile));
        Directory.CreateDirectory(Path.Combine(Root, "seed", "items"));
        File.Copy(Repo.Resolve("seed/tables.json"), Path.Combine(Root, "seed", "tables.json"));
        foreach (var file in Directory.EnumerateFiles(Repo.Resolve("seed/items")))
        {
            File.Copy(file, Path.Combine(Root, "seed", "items", Path.GetFileName(file)));
        }

        Paths = new ProjectPaths(Root);
    }

    /// <summary>The repository the tests and benchmarks run from (found above the assembly's folder; no NUnit, so the benchmarks link this file too).</summary>
    public static ProjectPaths Repo { get; } = ProjectPaths.Find(AppContext.BaseDirectory);

    public string Root { get; }

    public ProjectPaths Paths { get; }

    public void Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
