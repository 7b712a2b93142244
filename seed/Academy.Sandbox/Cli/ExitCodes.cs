namespace Academy.Sandbox.Cli;

/// <summary>Exit codes scripts can rely on.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>verify found drift, a table's key schema conflicts with the catalog, or the engine refused a request.</summary>
    public const int Failed = 1;

    /// <summary>The catalog (seed files or stack config) is invalid; nothing was read or written.</summary>
    public const int CatalogInvalid = 2;

    /// <summary>No DynamoDB answered at the endpoint.</summary>
    public const int Unreachable = 3;

    /// <summary>Interrupted (Ctrl+C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;
}
