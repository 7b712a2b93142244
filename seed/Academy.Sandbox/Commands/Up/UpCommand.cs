using System.CommandLine;
using System.Globalization;
using Academy.Sandbox.Cli;

namespace Academy.Sandbox.Commands.Up;

/// <summary>`up`: create missing tables and write the catalog's items.</summary>
public sealed class UpCommand : Command
{
    public UpCommand()
        : base("up", "Create missing tables and write the catalog's items; running it again changes nothing")
    {
        Catalog.AddTo(this);
        Target.AddTo(this);
        Options.Add(Prune);
        Options.Add(Concurrency);
        Action = new UpAction(this);
    }

    public CatalogOptions Catalog { get; } = new();

    public TargetOptions Target { get; } = new();

    public Option<bool> Prune { get; } = new("--prune")
    {
        Description = "Delete items the catalog does not declare (without it they are kept and listed)",
    };

    public Option<int> Concurrency { get; } = new("--concurrency")
    {
        Description = "BatchWriteItem requests in flight at once (at least 1)",
        HelpName = "n",
        DefaultValueFactory = _ => 4,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1)
            {
                return n;
            }

            result.AddError($"--concurrency must be a whole number of at least 1, not '{text}'");
            return 0;
        },
    };
}
