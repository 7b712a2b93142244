using System.Text;
using Academy.Catalog.Errors;

namespace Academy.Sandbox.Cli;

/// <summary>
/// Stands between every command and stdout/stderr so that nothing read from DynamoDB, a file, config or
/// the engine's messages can control the terminal, whichever message quotes it: every control and bidi
/// character but the line feeds the tool writes is escaped as <see cref="Excerpt.Escape(string)"/> escapes it.
/// Inside a --json document that is the JSON escape of the same character, so the document stays valid
/// and means the same. Messages escape what they quote themselves, so a line feed in a name does not
/// split it; this is the net under all of them.
/// </summary>
public sealed class TerminalWriter(TextWriter inner, string stream = TerminalWriter.OutputStream) : TextWriter
{
    public const string OutputStream = "output";

    public const string ErrorStream = "error";

    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    public override void Write(char value)
    {
        if (Excerpt.FirstToEscape([value], keepLineFeeds: true) < 0)
        {
            Guard(() => inner.Write(value));
        }
        else
        {
            Guard(() => inner.Write(Excerpt.Escape(value.ToString(), keepLineFeeds: true)));
        }
    }

    public override void Write(string? value) => Guard(() => inner.Write(value is null ? null : Excerpt.Escape(value, keepLineFeeds: true)));

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer) => Write(new string(buffer));

    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value is null ? null : Excerpt.Escape(value, keepLineFeeds: true)));

    public override void WriteLine() => Guard(inner.WriteLine);

    public override void Flush() => Guard(inner.Flush);

    public override Task FlushAsync()
    {
        Flush();
        return Task.CompletedTask;
    }

    // A full disk behind a redirect raises IOException, a closed descriptor UnauthorizedAccessException.
    private void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            // Without stderr the command still does its work, writes its --json document and
            // returns its own exit code; without stdout it cannot say what it found.
            if (stream != ErrorStream)
            {
                throw new OutputUnwritableException(stream, e);
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        // The writers it wraps belong to the caller (Console.Out, a test's StringWriter).
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }
}
