namespace Academy.Catalog.Errors;

/// <summary>
/// Thrown once, before anything is declared or written, with every problem found in the input.
/// </summary>
public sealed class CatalogException : Exception
{
    public CatalogException(IReadOnlyList<CatalogError> errors)
        : base(Describe(errors)) => Errors = errors;

    public IReadOnlyList<CatalogError> Errors { get; }

    private static string Describe(IReadOnlyList<CatalogError> errors) =>
        $"The academy catalog has {errors.Count} problem{(errors.Count == 1 ? "" : "s")}; nothing was created:"
        + string.Concat(errors.Select(e => $"{Environment.NewLine}  - {e}"));
}
