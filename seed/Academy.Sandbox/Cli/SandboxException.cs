namespace Academy.Sandbox.Cli;

/// <summary>A problem the user can act on; its message is printed as one line and the command exits with <see cref="ExitCode"/>.</summary>
public sealed class SandboxException(string message, int exitCode = ExitCodes.Failed) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
