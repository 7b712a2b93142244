using System.Text.RegularExpressions;

namespace Academy.Catalog.Security;

/// <summary>
/// IAM's rules for role and user names, checked before deployment so a typo fails the preview
/// instead of leaving a policy created and its attachment failed halfway through an update.
/// </summary>
public static partial class IamNames
{
    public const int MaxLength = 64;

    /// <summary>Null when IAM accepts <paramref name="name"/> as a role or user name, else why not.</summary>
    /// <param name="kind">"role" or "user", for the message.</param>
    public static string? Check(string name, string kind)
    {
        if (name.StartsWith("arn:", StringComparison.Ordinal))
        {
            return $"'{name}' is an ARN; give the {kind}'s name only (the part after the last '/')";
        }

        if (name.Contains('/', StringComparison.Ordinal))
        {
            return $"'{name}' has a '/'; give the {kind}'s name without its path";
        }

        if (name.Length > MaxLength)
        {
            return $"'{name}' is {name.Length} characters; an IAM {kind} name is 1 to {MaxLength}";
        }

        return Allowed().IsMatch(name)
            ? null
            : $"'{name}' is not an IAM {kind} name; use only a-z, A-Z, 0-9 and + = , . @ _ -";
    }

    // IAM's [\w+=,.@-]+ with \w meaning ASCII word characters (.NET's \w also matches other scripts).
    [GeneratedRegex("^[A-Za-z0-9_+=,.@-]+$")]
    private static partial Regex Allowed();
}
