namespace Academy.Catalog.Project;

/// <summary>
/// The project root (the folder holding Pulumi.yaml). Paths in config resolve against it and paths in
/// messages are written relative to it, whichever folder a command was started from.
/// </summary>
public sealed class ProjectPaths
{
    public const string ProjectFile = "Pulumi.yaml";

    public ProjectPaths(string root) => Root = Path.GetFullPath(root);

    public string Root { get; }

    /// <summary>Walks up from <paramref name="start"/> to the first folder with a Pulumi.yaml.</summary>
    public static ProjectPaths Find(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, ProjectFile)))
            {
                return new ProjectPaths(dir.FullName);
            }
        }

        throw new DirectoryNotFoundException($"No {ProjectFile} in {start} or any folder above it; run from inside the academy project.");
    }

    public string Resolve(string relative) => Path.GetFullPath(Path.Combine(Root, relative));

    public string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');
}
