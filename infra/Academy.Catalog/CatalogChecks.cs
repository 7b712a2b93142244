using Academy.Catalog.Errors;

namespace Academy.Catalog;

/// <summary>Checks that span items and tables (cross-references), run after every item has parsed.</summary>
internal static class CatalogChecks
{
    public static void Run(Catalog catalog, ErrorList errors)
    {
        // The jobs design adds its cross-checks here.
        _ = catalog;
        _ = errors;
    }
}
