using Academy.Catalog.Errors;

namespace Academy.Catalog.Tests.Support;

public static class Failures
{
    /// <summary>Runs a build that must fail and returns every problem it reported.</summary>
    public static IReadOnlyList<CatalogError> Of(Func<Catalog> build)
    {
        var e = Assert.Throws<CatalogException>(() => build())!;
        return e.Errors;
    }
}
