using System.Runtime.InteropServices;

namespace Academy.Sandbox.Tests.Support;

/// <summary>
/// Lets the children these tests start receive SIGINT. A test host started as a background job of a
/// non-interactive shell (as CI scripts start it) inherits SIGINT ignored; exec keeps an ignored
/// signal ignored, and .NET, like any well-behaved Unix program, leaves a signal that was ignored at
/// start ignored. The Ctrl+C tests would then send a signal nobody can hear, so before starting a
/// child they restore the default disposition in this process, which the child inherits.
/// </summary>
public static class InterruptSignal
{
    private const int Sigint = 2;
    private static readonly IntPtr Ignore = new(1);
    private static readonly object Gate = new();

    public static void MakeDeliverableToChildren()
    {
        lock (Gate)
        {
            var previous = SetHandler(Sigint, IntPtr.Zero);
            if (previous != Ignore)
            {
                SetHandler(Sigint, previous); // a handler of the runtime's own: leave it as it was
            }
        }
    }

    [DllImport("libc", EntryPoint = "signal")]
    private static extern IntPtr SetHandler(int signal, IntPtr handler);
}
