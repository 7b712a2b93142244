using Academy.Catalog.Errors;
using Academy.Catalog.Settings;

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
        CatalogChecks.Run(catalog, errors);
        if (catalog.Items.Any(i => i.Secret) && catalog.Settings.Items is { } secretItems)
        {
            errors.Redact(SecretRedaction.Values(secretItems));
        }

        return errors.Errors;
    }
}
