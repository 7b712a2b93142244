using Academy.Sandbox.Cli;

namespace Academy.Sandbox.Report;

/// <summary>Writes a file whole or not at all: a temporary file next to it, then a rename over it.</summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/>; a reader sees the old file or the new one, never half of one.</summary>
    public static void Write(string path, string content)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, content);
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }

            throw new SandboxException($"error: cannot write {full}: {e.Message}", ExitCodes.Failed);
        }
    }
}
