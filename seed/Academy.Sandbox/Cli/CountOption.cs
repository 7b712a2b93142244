using System.CommandLine;
using System.Globalization;

namespace Academy.Sandbox.Cli;

/// <summary>
/// An option counting things at once (requests, learners): a whole number from 1 to <see cref="Max"/>,
/// refused in one line otherwise. The ceiling is far above what two cores or one table's capacity
/// use, and keeps a typo (4000000) from opening that many connections.
/// </summary>
public static class CountOption
{
    public const int Max = 64;

    public static Option<int> Create(string name, string description, int defaultValue) => new(name)
    {
        Description = description,
        HelpName = "n",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= Max)
            {
                return n;
            }

            result.AddError($"{name} must be a whole number from 1 to {Max}, not '{Academy.Catalog.Errors.Excerpt.Of(text)}'");
            return 0;
        },
    };
}
