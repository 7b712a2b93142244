namespace Academy.Catalog.Errors;

/// <summary>
/// Thrown once, before anything is declared or written, with every problem found in the input.
/// </summary>
public sealed class CatalogException : Exception
{
    public CatalogException(IReadOnlyList<CatalogError> errors)
        : base(Describe(errors)) => Errors = errors;

    public IReadOnlyList<CatalogError> Errors { get; }

    /// <summary>Most problems the message lists: ten thousand stray files are one mistake, not a screen per file.</summary>
    public const int Listed = 50;

    private static string Describe(IReadOnlyList<CatalogError> errors) =>
        $"The academy catalog has {errors.Count:N0} problem{(errors.Count == 1 ? "" : "s")}; nothing was created:"
        + string.Concat(errors.Take(Listed).Select(e => $"{Environment.NewLine}  - {e}"))
        + (errors.Count > Listed ? $"{Environment.NewLine}  - ... and {errors.Count - Listed:N0} more; fix these and run again to see the rest" : "");
}
