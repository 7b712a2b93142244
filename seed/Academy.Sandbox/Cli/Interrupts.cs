using System.Runtime.InteropServices;

namespace Academy.Sandbox.Cli;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM as a cancellation token: the first one asks the running command to stop
/// (it prints what to do next and exits 130, or 143 for SIGTERM as shells report it); a second one
/// ends the process at once, as a user pressing Ctrl+C twice expects.
/// </summary>
public sealed class Interrupts : IDisposable
{
    public const int TerminatedExitCode = 143;

    private readonly CancellationTokenSource _cancel = new();
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;

    public Interrupts()
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    public CancellationToken Token => _cancel.Token;

    /// <summary>True once SIGTERM (rather than Ctrl+C) asked the command to stop.</summary>
    public bool Terminated { get; private set; }

    /// <summary>The exit code to report: a cancelled command's 130 becomes 143 when SIGTERM cancelled it.</summary>
    public int ExitCode(int code) => code == ExitCodes.Cancelled && Terminated ? TerminatedExitCode : code;

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _cancel.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (_cancel.IsCancellationRequested)
        {
            return; // the second signal takes its default course: the process ends now
        }

        context.Cancel = true;
        Terminated = context.Signal == PosixSignal.SIGTERM;
        _cancel.Cancel();
    }
}
