using Academy.Catalog.Project;

namespace Academy.Sandbox.Tests.Support;

/// <summary>A temporary copy of the project's Pulumi.yaml and seed/, editable per test.</summary>
public sealed class ScratchProject : IDisposable
{
    public ScratchProject()
    {
        Root = Directory.CreateTempSubdirectory("academy-sandbox-test-").FullName;
        File.Copy(LocalEngine.Repo.Resolve(ProjectPaths.ProjectFile), Path.Combine(Root, ProjectPaths.ProjectFile));
        Directory.CreateDirectory(Path.Combine(Root, "seed", "items"));
        File.Copy(LocalEngine.Repo.Resolve("seed/tables.json"), Path.Combine(Root, "seed", "tables.json"));
        foreach (var file in Directory.EnumerateFiles(LocalEngine.Repo.Resolve("seed/items")))
        {
            File.Copy(file, Path.Combine(Root, "seed", "items", Path.GetFileName(file)));
        }

        Paths = new ProjectPaths(Root);
    }

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
