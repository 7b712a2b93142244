namespace Academy.Sandbox.Cli;

/// <summary>Exit codes scripts can rely on; each command's --help lists the ones it uses.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>verify found drift, show found problems, up refused (a key-schema conflict, a prune that needs --yes), the engine refused a request, or an option was wrong.</summary>
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

    public static (int Code, string Meaning) CatalogInvalidHelp => (CatalogInvalid, "the catalog (seed files or stack config) is invalid; nothing was read or written");

    public static (int Code, string Meaning) UnreachableHelp => (Unreachable, "no DynamoDB answers at the endpoint, or AWS credentials or region are missing");

    public static (int Code, string Meaning) CancelledHelp => (Cancelled, "interrupted (Ctrl+C); 143 for SIGTERM");

    /// <summary>Every command can be given a wrong command line; --help lists this beside the command's own codes.</summary>
    public static (int Code, string Meaning) UsageHelp => (Usage, "the command line is wrong (unknown option, bad --endpoint or --concurrency) and nothing ran");
}

/// <summary>A command whose --help ends with the exit codes it uses.</summary>
public interface IDocumentsExitCodes
{
    IReadOnlyList<(int Code, string Meaning)> DocumentedExitCodes { get; }
}
