using System.Text;
using Academy.Catalog;

namespace Academy.Sandbox.Config;

/// <summary>
/// The text of a stack file, decoded as Pulumi decodes it: UTF-8, with or without a byte order
/// mark (Pulumi strips it), or UTF-16 with one (go-yaml v3 detects it). Anything else would be
/// read with replacement characters where the user's bytes were, so it is refused.
/// </summary>
public static class StackFileText
{
    /// <summary>The decoded text, or null and why not (with the 1-based line of the first bad byte where known).</summary>
    public static string? Decode(byte[] bytes, out string? problem)
    {
        problem = null;
        if (bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble))
        {
            return DecodeUtf8(bytes.AsSpan(3), out problem);
        }

        if (bytes.AsSpan().StartsWith(Encoding.Unicode.Preamble) || bytes.AsSpan().StartsWith(Encoding.BigEndianUnicode.Preamble))
        {
            var encoding = bytes[0] == 0xFF ? new UnicodeEncoding(false, true, true) : new UnicodeEncoding(true, true, true);
            try
            {
                return encoding.GetString(bytes, 2, bytes.Length - 2);
            }
            catch (DecoderFallbackException)
            {
                problem = "starts with a UTF-16 byte order mark but is not valid UTF-16; save it as UTF-8";
                return null;
            }
        }

        if (bytes.AsSpan().IndexOf((byte)0) is var zero and >= 0)
        {
            problem = $"has a NUL byte at line {Utf8Text.Line(bytes, zero)}, so it is not UTF-8 text (UTF-16 without a byte order mark?); save it as UTF-8";
            return null;
        }

        return DecodeUtf8(bytes, out problem);
    }

    private static string? DecodeUtf8(ReadOnlySpan<byte> bytes, out string? problem)
    {
        problem = null;
        if (Utf8Text.InvalidAt(bytes) is not { } invalid)
        {
            return Encoding.UTF8.GetString(bytes);
        }

        problem = $"is not UTF-8 text: byte 0x{bytes[invalid]:X2} at line {Utf8Text.Line(bytes, invalid)} is not valid UTF-8 (Latin-1 or Windows-1252?); save the file as UTF-8, which is what Pulumi reads";
        return null;
    }

}
