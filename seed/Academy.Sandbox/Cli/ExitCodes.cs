namespace Academy.Sandbox.Cli;

/// <summary>
/// Exit codes scripts can rely on; each command's --help lists the ones it uses. As with diff, grep
/// and git diff --exit-code, 1 means "ran and found differences", while every way of not running at
/// all has a code of its own: a script can tell drift from a typo or a dead engine.
/// </summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command ran to the end and found differences: verify's drift, show's problems, what adopt left out, a drifted learner in a report.</summary>
    public const int Drift = 1;

    /// <summary>The command line itself is wrong (an unknown command or option, a bad value, options that exclude each other); nothing ran. The POSIX and .NET convention.</summary>
    public const int Usage = 2;

    /// <summary>No DynamoDB answered at the endpoint.</summary>
    public const int Unreachable = 3;

    /// <summary>The catalog (seed files or stack config) is invalid; nothing was written.</summary>
    public const int CatalogInvalid = 4;

    /// <summary>The command could not do its work: up refused (a key-schema conflict, a prune that needs --yes), the engine refused a request, a file could not be written.</summary>
    public const int Failed = 5;

    /// <summary>Interrupted (Ctrl+C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;

    public static (int Code, string Meaning) CatalogInvalidHelp => (CatalogInvalid, "the catalog (seed files or stack config) is invalid; nothing was written");

    public static (int Code, string Meaning) UnreachableHelp => (Unreachable, "no DynamoDB answers at the endpoint, or AWS credentials or region are missing");

    /// <summary>What <see cref="SandboxAction"/> returns when the engine refuses a request, for every command that talks to one.</summary>
    public static (int Code, string Meaning) EngineRefusedHelp => (Failed, "the engine refused a request");

    public static (int Code, string Meaning) CancelledHelp => (Cancelled, "interrupted (Ctrl+C); 143 for SIGTERM");

    /// <summary>Every command can be given a wrong command line; --help lists this beside the command's own codes.</summary>
    public static (int Code, string Meaning) UsageHelp => (Usage, "the command line is wrong (unknown command or option, a bad value, options that exclude each other); nothing ran");
}

/// <summary>
/// A command whose --help ends with the exit codes it uses. The action returns the same entries
/// (<c>Entry.Code</c>), so what --help says and what the command returns come from one declaration.
/// </summary>
public interface IDocumentsExitCodes
{
    /// <summary>The command's own outcomes; the help adds what every command can return (<see cref="SandboxAction.CommonExitCodes"/>).</summary>
    IReadOnlyList<(int Code, string Meaning)> DocumentedExitCodes { get; }
}
