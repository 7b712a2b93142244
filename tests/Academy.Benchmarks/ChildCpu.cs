using System.Runtime.InteropServices;

namespace Academy.Benchmarks;

/// <summary>
/// CPU time (user + system) of this process's children that have ended and been waited for, from
/// getrusage(RUSAGE_CHILDREN): Process.TotalProcessorTime cannot be read once a child has exited.
/// Read it before starting a child and after waiting for it; the difference is that child's time.
/// </summary>
public static class ChildCpu
{
    private const int RusageChildren = -1;

    public static TimeSpan Total()
    {
        if (getrusage(RusageChildren, out var usage) != 0)
        {
            throw new InvalidOperationException($"getrusage failed: errno {Marshal.GetLastPInvokeError()}");
        }

        return Time(usage.UserTime) + Time(usage.SystemTime);
    }

    private static TimeSpan Time(TimeValue value) => TimeSpan.FromSeconds(value.Seconds) + TimeSpan.FromMicroseconds(value.Microseconds);

    [DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, out ResourceUsage usage);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeValue
    {
        public long Seconds;
        public long Microseconds;
    }

    // struct rusage on 64-bit Linux: two timevals, then 14 longs this class does not read.
    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public TimeValue UserTime;
        public TimeValue SystemTime;
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 14)]
        public long[] Rest;
    }
}
