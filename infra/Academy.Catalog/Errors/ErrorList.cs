namespace Academy.Catalog.Errors;

/// <summary>Collects problems so validation can report all of them at once.</summary>
public sealed class ErrorList
{
    /// <summary>
    /// Most problems kept; past it they are only counted. A hostile file can make one mistake a
    /// million times over (an alias of a list of unknown jobs under every item), and each kept
    /// problem costs memory while only the first <see cref="CatalogException.Listed"/> are shown.
    /// </summary>
    public const int Kept = 10_000;

    private readonly Collected _collected;

    private readonly bool _secret;

    public ErrorList()
        : this(new Collected(), secret: false)
    {
    }

    private ErrorList(Collected collected, bool secret)
    {
        _collected = collected;
        _secret = secret;
    }

    public IReadOnlyList<CatalogError> Errors => _collected.Errors;

    public bool Any => Count > 0;

    /// <summary>Every problem found, the ones past <see cref="Kept"/> included.</summary>
    public int Count => _collected.Errors.Count + _collected.Dropped;

    /// <summary>
    /// The same list, marking what is added through it as secret when <paramref name="secret"/> is
    /// true: hand it to code that reads data from a secret config key, and none of that code's
    /// messages can print a value.
    /// </summary>
    public ErrorList Concerning(bool secret) => secret == _secret ? this : new ErrorList(_collected, secret);

    public void Add(string source, string? item, ErrorMessage message) => Add(source, item, message, secret: false);

    public void Add(string source, string? item, ErrorMessage message, bool secret) =>
        Keep(new CatalogError(source, item, message, secret || _secret));

    public void Add(CatalogError error) => Keep(_secret ? error with { Secret = true } : error);

    /// <summary>Everything <paramref name="other"/> holds, the problems it only counted too.</summary>
    public void AddAll(ErrorList other)
    {
        foreach (var error in other.Errors)
        {
            Add(error);
        }

        CountMore(other._collected.Dropped);
    }

    /// <summary>Counts problems that were found but not kept (those of a <see cref="CatalogException"/> past <see cref="Kept"/>).</summary>
    public void CountMore(int count) => _collected.Dropped += count;

    /// <summary>Keeps only the first <paramref name="count"/> problems and counts the others.</summary>
    public void KeepFirst(int count)
    {
        if (_collected.Errors.Count > count)
        {
            _collected.Dropped += _collected.Errors.Count - count;
            _collected.Errors.RemoveRange(count, _collected.Errors.Count - count);
            _collected.Errors.TrimExcess();
        }
    }

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new CatalogException(_collected.Errors.ToArray(), Count);
        }
    }

    private void Keep(CatalogError error)
    {
        if (_collected.Errors.Count < Kept)
        {
            _collected.Errors.Add(error);
        }
        else
        {
            _collected.Dropped++;
        }
    }

    // Shared by the lists Concerning hands out, so every problem lands in one place.
    private sealed class Collected
    {
        public List<CatalogError> Errors { get; } = [];

        public int Dropped { get; set; }
    }
}
