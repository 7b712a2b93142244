using System.Text;
using Academy.Catalog.Files;
using Academy.Sandbox.Cli;

namespace Academy.Sandbox.Files;

/// <summary>
/// The one way the sandbox writes a file: whole or not at all (a temporary file beside it, then a
/// rename over it), and only over a regular file or a new path. A rename over a device, a FIFO or a
/// symbolic link would replace that node itself (as root, /dev/full would become a regular file), so
/// those are refused before anything is written.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/>; a reader sees the old file or the new one, never half of one.</summary>
    /// <param name="shown">The name messages use (default: the full path).</param>
    public static void Write(string path, string content, string? shown = null)
    {
        using var staged = Stage(path, content, shown);
        staged.Commit();
    }

    /// <summary>
    /// Why no file system could hold <paramref name="path"/> (a name over 255 bytes or a path over 4,096
    /// characters), after its name, else null: refused when the option is parsed, before any engine is read.
    /// </summary>
    public static string? TooLong(string path) =>
        path.Length > 4096 || path.Split('/', '\\').Any(part => Encoding.UTF8.GetByteCount(part) > 255)
            ? "the name is longer than file systems allow (255 bytes a name, 4,096 a path)"
            : null;

    /// <summary>Null when <paramref name="path"/> may be written (a regular file, or nothing yet), else why not, after its name.</summary>
    public static string? Refusal(string path)
    {
        var type = FileKind.Of(Path.GetFullPath(path), followLinks: false);
        return type switch
        {
            FileType.Missing or FileType.Regular => null,
            FileType.SymbolicLink => "is a symbolic link; writing would replace the link, not its target: name the target file itself",
            _ => $"is {FileKind.Describe(type)}, not a regular file; the sandbox writes only regular files or new paths",
        };
    }

    /// <summary>
    /// Writes <paramref name="content"/> to a temporary file beside <paramref name="path"/>, to be renamed over
    /// it by <see cref="Staged.Commit"/>: several files can be staged first and committed together. Disposing an
    /// uncommitted file removes it.
    /// </summary>
    public static Staged Stage(string path, string content, string? shown = null)
    {
        var full = Path.GetFullPath(path);
        shown ??= full;
        if (Refusal(full) is { } refusal)
        {
            throw new SandboxException($"error: {shown}: {refusal}", ExitCodes.Failed);
        }

        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        var staged = new Staged(temp, full, shown);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(Encoding.UTF8.GetBytes(content));
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows() && File.Exists(full))
            {
                File.SetUnixFileMode(temp, File.GetUnixFileMode(full)); // a stack file kept private stays private
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            staged.Dispose();
            throw Failure(shown, e);
        }

        return staged;
    }

    private static SandboxException Failure(string shown, Exception e) =>
        new($"error: {shown}: cannot be written: {Academy.Catalog.Errors.Excerpt.Of(e.Message)}", ExitCodes.Failed);

    /// <summary>A written temporary file waiting to replace its target.</summary>
    public sealed class Staged(string temp, string target, string shown) : IDisposable
    {
        private bool _committed;

        /// <summary>Renames the temporary file over the target, checking again that the target is still one the sandbox may replace.</summary>
        public void Commit()
        {
            if (Refusal(target) is { } refusal)
            {
                throw new SandboxException($"error: {shown}: {refusal}", ExitCodes.Failed);
            }

            try
            {
                File.Move(temp, target, overwrite: true);
                _committed = true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw Failure(shown, e);
            }
        }

        public void Dispose()
        {
            if (!_committed && File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
