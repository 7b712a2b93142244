using System.Buffers;
using System.Text.Unicode;

namespace Academy.Catalog;

/// <summary>
/// Strict UTF-8 for the files people hand the tools (seed items, tables.json, stack files, rosters):
/// where a byte is not UTF-8 (a file saved as Latin-1), say so and where, instead of reading it with
/// replacement characters in place of the user's bytes.
/// </summary>
public static class Utf8Text
{
    /// <summary>The offset of the first byte that is not part of valid UTF-8, or null when every byte is.</summary>
    public static int? InvalidAt(ReadOnlySpan<byte> bytes)
    {
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, bytes.Length));
        try
        {
            return Utf8.ToUtf16(bytes, chars, out var valid, out _, replaceInvalidSequences: false) == OperationStatus.Done ? null : valid;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>The 1-based line of <paramref name="offset"/>.</summary>
    public static int Line(ReadOnlySpan<byte> bytes, int offset) => bytes[..offset].Count((byte)'\n') + 1;
}
