namespace Academy.Sandbox.Cli;

/// <summary>
/// Standard output (or error) cannot be written: redirected to a full disk (/dev/full), closed
/// (`>&-`), or otherwise refused. Raised by <see cref="TerminalWriter"/> so every command, and
/// --help, ends with one line and <see cref="ExitCodes.Failed"/> instead of a stack trace.
/// </summary>
public sealed class OutputUnwritableException(string stream, Exception inner)
    : Exception($"error: cannot write to standard {stream}: {Reason(inner)}", inner)
{
    // A closed descriptor says "Access to the path is denied" around the system's "Bad file descriptor".
    private static string Reason(Exception e) => (e.InnerException ?? e).Message;
}
