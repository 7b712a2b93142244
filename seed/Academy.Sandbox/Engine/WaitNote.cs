using System.Diagnostics;
using Academy.Catalog.Errors;
using Amazon.DynamoDBv2;

namespace Academy.Sandbox.Engine;

/// <summary>
/// The clock of a wait for a table (to become ACTIVE, to be gone) and when it says it still waits:
/// once every <see cref="DefaultEvery"/> unless given, counted from the wait's start.
/// </summary>
public sealed class WaitNote(TimeSpan? every = null)
{
    /// <summary>AWS takes seconds to create or delete a table; a broken endpoint, minutes.</summary>
    public static readonly TimeSpan DefaultEvery = TimeSpan.FromSeconds(10);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TimeSpan _every = every ?? DefaultEvery;
    private TimeSpan _next = every ?? DefaultEvery;

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>A table's status as the endpoint gave it, for a line: escaped and cut short, as anything live is.</summary>
    public static string Shown(TableStatus? status, string none) => status is null ? none : Excerpt.Of(status.Value, 40, 30);

    /// <summary>True when a note is due, at most once per interval.</summary>
    public bool Due()
    {
        if (_clock.Elapsed < _next)
        {
            return false;
        }

        _next = _clock.Elapsed + _every;
        return true;
    }
}
