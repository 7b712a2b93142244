using Academy.Catalog.Errors;
using Academy.Catalog.Jobs;

namespace Academy.Catalog;

/// <summary>Checks that span items and tables (cross-references), run after every item has parsed.</summary>
internal static class CatalogChecks
{
    public static void Run(Catalog catalog, ErrorList errors) => JobCrossChecks.Run(catalog, errors);
}
