namespace Academy.Sandbox.Cli;

/// <summary>Exit codes scripts can rely on.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>verify found drift, a table's key schema conflicts with the catalog, or the engine refused a request.</summary>
    public const int Failed = 1;

    /// <summary>
    /// The command line itself is wrong (an unknown option, a bad --endpoint or --concurrency); nothing
    /// ran. System.CommandLine's parse-error code, which is the same number as <see cref="Failed"/>.
    /// </summary>
    public const int Usage = 1;

    /// <summary>The catalog (seed files or stack config) is invalid; nothing was read or written.</summary>
    public const int CatalogInvalid = 2;

    /// <summary>No DynamoDB answered at the endpoint.</summary>
    public const int Unreachable = 3;

    /// <summary>Interrupted (Ctrl+C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;

    /// <summary>Every code with what it means, as --help lists them.</summary>
    public static IReadOnlyList<(int Code, string Meaning)> Documented { get; } =
    [
        (Ok, "success"),
        (Failed, "verify found drift, a table conflicts with the catalog, or the engine refused a request"),
        (Usage, "the command line is wrong (unknown option, bad --endpoint or --concurrency) and nothing ran"),
        (CatalogInvalid, "the catalog (seed files or stack config) is invalid; nothing was read or written"),
        (Unreachable, "no DynamoDB answers at the endpoint, or --aws has no credentials or region"),
        (Cancelled, "interrupted (Ctrl+C); running the command again finishes the job"),
    ];
}
