using System.CommandLine;
using Academy.Sandbox.Cli;

namespace Academy.Sandbox.Commands.Export;

/// <summary>`export`: the live items into the learner's stack config or into seed files.</summary>
public sealed class ExportCommand : Command, IDocumentsExitCodes
{
    public ExportCommand()
        : base("export", "Take the live items of the learner's tables into the catalog: with --stack into academy:items of Pulumi.<stack>.yaml (that learner's own values), else into the shared seed files, changing only what changed")
    {
        Catalog.AddTo(this);
        Target.AddTo(this);
        Options.Add(Table);
        Options.Add(Item);
        Options.Add(Seed);
        Options.Add(Out);
        Action = new ExportAction(this);
    }

    public CatalogOptions Catalog { get; } = new() { StackFileMayBeMissing = true };

    public static (int Code, string Meaning) Written => (ExitCodes.Ok, "the live items were written (into academy:items or seed files), or nothing differed");

    public static (int Code, string Meaning) WouldBeInvalid => (ExitCodes.CatalogInvalid, "the live items would make the catalog invalid; nothing was written (every problem is listed)");

    public static (int Code, string Meaning) NotWritten => (ExitCodes.Failed, "--out is a file, --table or --item names nothing live, an item holds what academy:items cannot hold or would not read back as it is stored, or a file could not be written");

    public IReadOnlyList<(int Code, string Meaning)> DocumentedExitCodes => [Written, WouldBeInvalid, NotWritten];

    public TargetOptions Target { get; } = new();

    public Option<string?> Table { get; } = new("--table")
    {
        Description = "Export only this table (global, jobs)",
        HelpName = "table",
    };

    public Option<string[]> Item { get; } = new("--item")
    {
        Description = "Export only this item of --table, by its key as adopt names it (repeatable)",
        HelpName = "key",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<bool> Seed { get; } = new("--seed")
    {
        Description = "With --stack, write into the shared seed files (every learner's catalog) instead of academy:items in the stack file",
    };

    public Option<string?> Out { get; } = new("--out")
    {
        Description = "Write seed files into this folder instead of <seedDir>/items",
        HelpName = "folder",
        Validators =
        {
            result =>
            {
                // Refused at once rather than by the file system after the engine was read.
                PathOption.NotEmpty(result, "a folder");
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (Files.AtomicFile.TooLong(text) is { } tooLong)
                {
                    result.AddError($"--out {Academy.Catalog.Errors.Excerpt.Of(text)}: {tooLong}");
                }
            },
        },
    };
}
