namespace Academy.Sandbox.Up;

/// <summary>Exponential backoff with full jitter, bounded in attempts, so retries spread out and always end.</summary>
public sealed class Backoff(TimeSpan first, TimeSpan cap, int maxAttempts)
{
    public static Backoff Default { get; } = new(TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(5), 12);

    public int MaxAttempts { get; } = maxAttempts;

    /// <summary>A random delay in [0, min(cap, first * 2^attempt)).</summary>
    public TimeSpan Delay(int attempt)
    {
        var ceiling = Math.Min(cap.TotalMilliseconds, first.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30)));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }
}
