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
    /// Why <paramref name="path"/>, from config, cannot name a file or folder (a NUL or other control
    /// character, which the file system refuses or a terminal would act on; or absurd length), else null.
    /// </summary>
    public static string? Unusable(string path)
    {
        if (path.Length > MaxPathLength)
        {
            return $"is {path.Length:N0} characters long; a path is at most {MaxPathLength:N0}";
        }

        var control = path.AsSpan().IndexOfAnyInRange('\u0000', '\u001f');
        control = control >= 0 ? control : path.AsSpan().IndexOfAnyInRange('\u007f', '\u009f');
        return control >= 0 ? $"holds the control character U+{(int)path[control]:X4}; a path names a file or folder" : null;
    }

    public string Resolve(string relative) => Path.GetFullPath(Path.Combine(Root, relative));

    public string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');
}
