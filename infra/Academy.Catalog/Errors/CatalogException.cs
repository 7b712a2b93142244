namespace Academy.Catalog.Errors;

/// <summary>
/// Thrown once, before anything is declared or written, with every problem found in the input.
/// </summary>
public sealed class CatalogException : Exception
{
    public CatalogException(IReadOnlyList<CatalogError> errors)
        : this(errors, errors.Count)
    {
    }

    /// <param name="count">Every problem found: more than <paramref name="errors"/> holds when the list kept only the first (<see cref="ErrorList.Kept"/>).</param>
    public CatalogException(IReadOnlyList<CatalogError> errors, int count)
        : base(Describe(errors, count))
    {
        Errors = errors;
        Count = count;
    }

    public IReadOnlyList<CatalogError> Errors { get; }

    /// <summary>How many problems were found, counting those past the ones kept in <see cref="Errors"/>.</summary>
    public int Count { get; }

    /// <summary>Most problems the message lists: ten thousand stray files are one mistake, not a screen per file.</summary>
    public const int Listed = 50;

    private static string Describe(IReadOnlyList<CatalogError> errors, int count) =>
        $"The academy catalog has {count:N0} problem{(count == 1 ? "" : "s")}; nothing was created:"
        + string.Concat(errors.Take(Listed).Select(e => $"{Environment.NewLine}  - {e}"))
        + (count > Listed ? $"{Environment.NewLine}  - ... and {count - Listed:N0} more; fix these and run again to see the rest" : "");
}
