using System.CommandLine;
using System.Globalization;

namespace Academy.Sandbox.Cli;

/// <summary>An option counting things at once (requests, learners): a whole number of at least 1, refused in one line otherwise.</summary>
public static class CountOption
{
    public static Option<int> Create(string name, string description, int defaultValue) => new(name)
    {
        Description = description,
        HelpName = "n",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1)
            {
                return n;
            }

            result.AddError($"{name} must be a whole number of at least 1, not '{text}'");
            return 0;
        },
    };
}
