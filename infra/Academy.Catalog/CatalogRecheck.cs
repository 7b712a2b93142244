using Academy.Catalog.Errors;

namespace Academy.Catalog;

/// <summary>
/// The cross-item rules <see cref="CatalogBuilder.Build"/> runs, for a catalog whose items were
/// replaced afterwards (as the sandbox's export does before it writes seed files), so the result is
/// checked before it reaches the disk.
/// </summary>
public static class CatalogRecheck
{
    public static IReadOnlyList<CatalogError> Problems(Catalog catalog)
    {
        var errors = new ErrorList();
        CatalogChecks.Run(catalog, errors); // marks every problem that reads a secret item as secret itself
        return errors.Errors;
    }
}
