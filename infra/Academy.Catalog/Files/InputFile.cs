namespace Academy.Catalog.Files;

/// <summary>
/// The one way the tools read a file someone handed them (seed files, tables.json, stack files,
/// rosters): only a regular file, checked before it is opened (a FIFO would block the open, a device
/// never ends), and never more than the limit, counted while reading rather than trusted from the
/// file's length (a /proc file says 0, a file may grow while read).
/// </summary>
public static class InputFile
{
    private const int Chunk = 64 * 1024;
    private const long MegaByte = 1024 * 1024;

    /// <summary>A size for messages: whole megabytes when it is whole megabytes (limits), else bytes.</summary>
    /// <remarks>Never rounded: a file one byte over a 64 MB limit is not "64 MB".</remarks>
    public static string Size(long bytes) =>
        bytes >= MegaByte && bytes % MegaByte == 0 ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / MegaByte:N0} MB")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes:N0} bytes");

    /// <summary>
    /// The bytes of <paramref name="file"/>, or null with <paramref name="problem"/> saying why (to follow
    /// the file's name): not a regular file, unreadable, or over <paramref name="maxBytes"/>, which
    /// <paramref name="tooLarge"/> words given the size when it is known (null: only "more than the limit" is).
    /// </summary>
    public static byte[]? Read(string file, long maxBytes, Func<long?, string> tooLarge, out string? problem)
    {
        problem = null;
        var type = FileKind.Of(file, followLinks: true);
        if (type == FileType.Missing)
        {
            problem = "not found";
            return null;
        }

        if (type != FileType.Regular)
        {
            problem = $"is {FileKind.Describe(type)}, not a regular file; the tools read only regular files, which end and cannot block";
            return null;
        }

        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
            // Asked once: each call asks the file system again, and a file that changes size between
            // the check and the allocation must not get past the limit.
            var length = stream.Length;
            if (length > maxBytes)
            {
                problem = tooLarge(length);
                return null;
            }

            // Into an array of the size the file states, with no copy: seed files are read on every
            // run. Then read on, up to the limit, in case it grew meanwhile (or states 0, as /proc files do).
            var stated = new byte[length];
            var read = stream.ReadAtLeast(stated, stated.Length, throwOnEndOfStream: false);
            Span<byte> next = stackalloc byte[1];
            if (read < stated.Length || stream.Read(next) == 0)
            {
                return read < stated.Length ? stated[..read] : stated;
            }

            var bytes = new MemoryStream();
            bytes.Write(stated);
            bytes.Write(next);
            var buffer = new byte[Chunk];
            while (bytes.Length <= maxBytes && (read = stream.Read(buffer, 0, (int)Math.Min(Chunk, maxBytes + 1 - bytes.Length))) > 0)
            {
                bytes.Write(buffer, 0, read);
            }

            if (bytes.Length > maxBytes)
            {
                problem = tooLarge(null);
                return null;
            }

            return bytes.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"cannot be read: {e.Message}";
            return null;
        }
    }
}
