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

    /// <summary>Most characters in a path from config: a folder or file name, not a document.</summary>
    public const int MaxPathLength = 1024;

    /// <summary>
    /// Why <paramref name="path"/>, from config, cannot name a file or folder, else null: a NUL, which no
    /// file system takes (.NET throws on it), or absurd length. Other control characters are legal in
    /// names; messages escape them.
    /// </summary>
    public static string? Unusable(string path) =>
        path.Length > MaxPathLength ? $"is {path.Length:N0} characters long; a path is at most {MaxPathLength:N0}"
        : path.Contains('\0', StringComparison.Ordinal) ? "holds a NUL character (U+0000), which no file or folder name can hold"
        : null;

    public string Resolve(string relative) => Path.GetFullPath(Path.Combine(Root, relative));

    public string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');
}
