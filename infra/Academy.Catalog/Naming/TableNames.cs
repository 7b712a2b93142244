using System.Text.RegularExpressions;
using Academy.Catalog.Errors;

namespace Academy.Catalog.Naming;

/// <summary>Per-learner table names and DynamoDB's rules for them.</summary>
public static partial class TableNames
{
    public const int MinLength = 3;
    public const int MaxLength = 255;

    public static string For(string user, string tableKey) => $"{user}-academy-{tableKey}";

    /// <summary>Null when DynamoDB accepts the name, else why it does not.</summary>
    public static ErrorMessage? Check(string tableName)
    {
        if (tableName.Length is < MinLength or > MaxLength)
        {
            return $"table name '{tableName}' is {tableName.Length} characters; DynamoDB allows {MinLength} to {MaxLength}";
        }

        if (!Allowed().IsMatch(tableName))
        {
            return $"table name '{tableName}' has characters DynamoDB does not allow; use only a-z, A-Z, 0-9, '_', '-' and '.'";
        }

        return null;
    }

    [GeneratedRegex("^[a-zA-Z0-9_.-]+\\z")]
    private static partial Regex Allowed();
}
