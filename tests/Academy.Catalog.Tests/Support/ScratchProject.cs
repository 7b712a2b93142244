using Academy.Catalog.Project;

namespace Academy.Catalog.Tests.Support;

/// <summary>A temporary project: a copy of the repository's Pulumi.yaml and seed/, editable per test.</summary>
public sealed class ScratchProject : IDisposable
{
    public ScratchProject()
    {
        Root = Directory.CreateTempSubdirectory("academy-test-").FullName;
        File.Copy(Path.Combine(TestProject.Repo.Root, ProjectPaths.ProjectFile), Path.Combine(Root, ProjectPaths.ProjectFile));
        CopyDirectory(TestProject.Repo.Resolve("seed/items"), Path.Combine(Root, "seed/items"));
        File.Copy(TestProject.Repo.Resolve("seed/tables.json"), Path.Combine(Root, "seed/tables.json"));
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

    public void Delete(string relativePath) => File.Delete(Path.Combine(Root, relativePath));

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
