using System.Text.RegularExpressions;
using Academy.Catalog.Errors;
using static Academy.Catalog.Errors.Shown;

namespace Academy.Catalog.Security;

/// <summary>
/// IAM's rules for role and user names, checked before deployment so a typo fails the preview
/// instead of leaving a policy created and its attachment failed halfway through an update.
/// </summary>
public static partial class IamNames
{
    public const int MaxLength = 64;

    /// <summary>IAM's CreatePolicy: PolicyName is 1 to 128 characters.</summary>
    public const int MaxPolicyNameLength = 128;

    /// <summary>Pulumi's AWS provider names a policy it creates &lt;resource name&gt;-&lt;7 random characters&gt;.</summary>
    public const int AutoNameSuffixLength = 8;

    /// <summary>Null when IAM accepts <paramref name="name"/> as a role or user name, else why not.</summary>
    /// <param name="kind">"role" or "user", for the message.</param>
    public static ErrorMessage? Check(string name, string kind)
    {
        if (name.StartsWith("arn:", StringComparison.Ordinal))
        {
            return $"'{name}' is an ARN; give the {Words(kind)}'s name only (the part after the last '/')";
        }

        if (name.Contains('/', StringComparison.Ordinal))
        {
            return $"'{name}' has a '/'; give the {Words(kind)}'s name without its path";
        }

        if (name.Length > MaxLength)
        {
            return $"'{name}' is {name.Length} characters; an IAM {Words(kind)} name is 1 to {MaxLength}";
        }

        if (!Allowed().IsMatch(name))
        {
            return $"'{name}' is not an IAM {Words(kind)} name; use only a-z, A-Z, 0-9 and + = , . @ _ -";
        }

        return null;
    }

    /// <summary>Null when IAM accepts the name Pulumi gives a policy whose resource name is <paramref name="resourceName"/>, else why not.</summary>
    /// <param name="kind">"read" or "write", for the message.</param>
    public static ErrorMessage? CheckPolicy(string resourceName, string kind)
    {
        var length = resourceName.Length + AutoNameSuffixLength;
        if (length <= MaxPolicyNameLength)
        {
            return null;
        }

        return $"its {Words(kind)} policy would be named '{resourceName}' and {AutoNameSuffixLength} characters Pulumi appends, {length} characters; IAM allows at most {MaxPolicyNameLength} in a policy name: shorten the learner name";
    }

    // IAM's [\w+=,.@-]+ with \w meaning ASCII word characters (.NET's \w also matches other scripts).
    [GeneratedRegex("^[A-Za-z0-9_+=,.@-]+\\z")]
    private static partial Regex Allowed();
}
