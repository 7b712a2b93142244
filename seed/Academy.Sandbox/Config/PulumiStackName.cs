using System.Text.RegularExpressions;
using Academy.Catalog.Errors;

namespace Academy.Sandbox.Config;

/// <summary>
/// --stack as Pulumi takes it: a stack name, or one qualified as owner/stack or owner/project/stack,
/// each part in the characters Pulumi's service allows. The stack file is named after the stack name
/// alone (Pulumi.&lt;stack&gt;.yaml), so no --stack can name a path outside the project.
/// </summary>
public static partial class PulumiStackName
{
    private const int MaxLength = 100;

    /// <summary>Null when <paramref name="text"/> is a stack name Pulumi accepts, else what is wrong, for an error line naming --stack.</summary>
    public static string? Problem(string text)
    {
        var parts = text.Split('/');
        if (parts.Length > 3)
        {
            return $"--stack {Quote(text)} has {parts.Length} parts; Pulumi takes stack, owner/stack or owner/project/stack (Pulumi's rule)";
        }

        var name = parts[^1];
        if (name.Length is 0 or > MaxLength || !NameOrProject().IsMatch(name))
        {
            return $"--stack {Quote(text)}: a stack name is 1 to {MaxLength} letters, digits, '-', '_' or '.' (Pulumi's rule)";
        }

        if (parts.Length == 3 && (parts[1].Length > MaxLength || !NameOrProject().IsMatch(parts[1])))
        {
            return $"--stack {Quote(text)}: a project name is 1 to {MaxLength} letters, digits, '-', '_' or '.' (Pulumi's rule)";
        }

        if (parts.Length >= 2 && !Owner().IsMatch(parts[0]))
        {
            return $"--stack {Quote(text)}: an owner (organization or user) is 3 to 40 letters, digits, '-' or '_', starting and ending with a letter or digit (Pulumi's rule)";
        }

        return null;
    }

    /// <summary>The stack's own name: the last part of a qualified name, as Pulumi hands it to the program.</summary>
    public static string Short(string stack) => stack[(stack.LastIndexOf('/') + 1)..];

    /// <summary>The project an owner/project/stack name names; null for stack and owner/stack, which name none.</summary>
    public static string? Project(string stack) => stack.Split('/') is [_, var project, _] ? project : null;

    /// <summary>
    /// `pulumi stack init STACK` for a valid <paramref name="stack"/>, in backquotes. A name may start
    /// with '-', which the Pulumi CLI would read as a flag: such a one is given as --stack=NAME.
    /// </summary>
    public static string InitCommand(string stack) => stack.StartsWith('-') ? $"`pulumi stack init --stack={stack}`" : $"`pulumi stack init {stack}`";

    /// <summary>Pulumi.&lt;stack&gt;.yaml for a valid <paramref name="stack"/>.</summary>
    public static string FileName(string stack) => $"Pulumi.{Short(stack)}.yaml";

    // The one way input is quoted back: escaped, and excerpted with its length when long.
    private static string Quote(string text) => $"\"{Excerpt.Of(text)}\"";

    [GeneratedRegex(@"\A[A-Za-z0-9_.-]+\z")]
    private static partial Regex NameOrProject();

    [GeneratedRegex(@"\A[a-zA-Z0-9][a-zA-Z0-9_-]{1,38}[a-zA-Z0-9]\z")]
    private static partial Regex Owner();
}
