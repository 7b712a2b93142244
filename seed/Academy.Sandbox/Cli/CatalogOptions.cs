using System.CommandLine;
using Academy.Catalog;
using Academy.Catalog.Errors;
using Academy.Catalog.Project;
using Academy.Catalog.Settings;
using Academy.Catalog.Tables;
using Academy.Sandbox.Config;

namespace Academy.Sandbox.Cli;

/// <summary>The options that choose the project, the stack and the learner, and the catalog they build.</summary>
public sealed class CatalogOptions
{
    /// <summary>The stack name used when no --stack is given, so the default learner's tables are sandbox-academy-*.</summary>
    public const string DefaultStack = "sandbox";

    public Option<string?> Stack { get; } = new("--stack")
    {
        Description = "Read academy:* config from Pulumi.<stack>.yaml in the project root (default: no stack file, every key at its default, learner 'sandbox')",
        HelpName = "stack",
        Validators =
        {
            result =>
            {
                if (PulumiStackName.Problem(result.Tokens.Count == 1 ? result.Tokens[0].Value : "") is { } problem)
                {
                    result.AddError(problem);
                }
            },
        },
    };

    public Option<string?> User { get; } = new("--user")
    {
        Description = "Learner name; overrides academy:user",
        HelpName = "name",
    };

    public Option<string?> Project { get; } = new("--project")
    {
        Description = "A folder inside the academy project (default: the current folder); Pulumi.yaml is looked up from there",
        HelpName = "folder",
        Validators =
        {
            // A mistyped folder must not fall back to whatever project holds the current folder.
            result =>
            {
                if (result.Tokens.Count == 1 && result.Tokens[0].Value is var folder && !Directory.Exists(folder))
                {
                    result.AddError($"--project \"{Excerpt.Of(folder)}\": {(File.Exists(folder) ? "is a file, not a folder" : "no such folder")}");
                }
            },
        },
    };

    public IEnumerable<Option> All => [Stack, User, Project];

    /// <summary>
    /// For commands that write the stack file (adopt, export): a --stack whose file does not exist yet
    /// reads as that stack with every key at its default, as Pulumi reads a stack without config.
    /// </summary>
    public bool StackFileMayBeMissing { get; init; }

    public void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>
    /// Builds the catalog through <see cref="CatalogBuilder"/>, exactly as the Pulumi program does, from
    /// the chosen config source; <paramref name="tablesKnown"/> hears of its tables before its items are
    /// read, when config and tables.json hold up.
    /// </summary>
    public LoadedCatalog Load(ParseResult result, TextWriter error, Action<IReadOnlyList<TableSpec>>? tablesKnown = null)
    {
        var (paths, config, source) = Config(result, error);
        if (tablesKnown is not null && CatalogBuilder.TablesOf(config, paths) is { } tables)
        {
            tablesKnown(tables);
        }

        return new LoadedCatalog(CatalogBuilder.Build(config, paths), source);
    }

    /// <summary>The project, the chosen config source and a description of it, before any catalog is built.</summary>
    public ChosenConfig Config(ParseResult result, TextWriter error)
    {
        var start = result.GetValue(Project) ?? Environment.CurrentDirectory;
        ProjectPaths paths;
        try
        {
            paths = ProjectPaths.Find(start);
        }
        catch (DirectoryNotFoundException)
        {
            throw new SandboxException($"error: no {ProjectPaths.ProjectFile} in \"{Excerpt.Of(start)}\" or any folder above it; run from inside the academy project or name it with --project", ExitCodes.CatalogInvalid);
        }

        var stack = result.GetValue(Stack);
        IConfigSource config;
        string source;
        if (stack is null)
        {
            config = new DictionaryConfigSource(DefaultStack);
            source = "no --stack: every config key at its default";
        }
        else if (StackFileMayBeMissing && !File.Exists(paths.Resolve(PulumiStackName.FileName(stack))))
        {
            StackFileConfigSource.CheckProject(paths, stack);
            // As Pulumi hands a qualified stack's program its last part alone.
            config = new DictionaryConfigSource(PulumiStackName.Short(stack));
            source = $"no {PulumiStackName.FileName(stack)} yet: every config key at its default";
        }
        else
        {
            var file = StackFileConfigSource.Load(paths, stack);
            foreach (var warning in file.Warnings)
            {
                error.WriteLine($"warning: {warning}");
            }

            config = file;
            source = $"config from {PulumiStackName.FileName(stack)}";
        }

        if (result.GetValue(User) is { } user)
        {
            config = new UserOverrideConfigSource(config, user);
            source += ", --user " + Excerpt.Of(user);
        }

        return new ChosenConfig(paths, config, source);
    }
}

/// <summary>The project and the config the options chose, and where that config came from.</summary>
public sealed record ChosenConfig(ProjectPaths Paths, IConfigSource Config, string Source);

/// <summary>A built catalog and where its config came from, for the header lines.</summary>
public sealed record LoadedCatalog(Academy.Catalog.Catalog Catalog, string Source);
