using Academy.Catalog.Adopt;
using Academy.Catalog.Errors;
using Academy.Catalog.Files;
using Academy.Catalog.Items;
using Academy.Catalog.Naming;
using Academy.Catalog.Project;
using Academy.Catalog.Settings;
using Academy.Catalog.Tables;

namespace Academy.Catalog;

/// <summary>
/// Reads config, table definitions and items, and validates all of it before anything is declared:
/// either a whole <see cref="Catalog"/> comes back or a <see cref="CatalogException"/> listing every problem.
/// </summary>
public static class CatalogBuilder
{
    public const string TablesFile = "tables.json";

    /// <summary>Most bytes in tables.json: it declares a handful of tables, so a megabyte is already absurd.</summary>
    public const long TablesMaxBytes = 1024 * 1024;

    public static Catalog Build(IConfigSource config, ProjectPaths paths)
    {
        var errors = new ErrorList();
        var (settings, definitions, rejected, tables) = ReadTables(config, paths, errors);
        var items = SeedFiles.Load(paths, settings.SeedDir, definitions, rejected, errors);
        var secretItems = config.IsSecret(ConfigKeys.Items.Name);
        foreach (var item in ConfigItems.Load(settings.Items, secretItems, definitions, rejected, errors.Concerning(secretItems)))
        {
            items[(item.TableKey, item.Key)] = item; // stack config replaces the seed item with the same key
        }

        // Sorted by table and key so that the order of files and lists never shows up in a preview.
        // (Table and key are unique, so an unstable sort gives the one order; one comparison, not
        // LINQ's key arrays and comparer chain, since this runs inside every `pulumi up`.)
        var ordered = items.Values.ToList();
        ordered.Sort(static (a, b) => string.CompareOrdinal(a.TableKey, b.TableKey) is var table and not 0 ? table : a.Key.CompareTo(b.Key));
        CheckLogicalNames(ordered, errors);
        var catalog = new Catalog(settings, tables, ordered);
        CatalogChecks.Run(catalog, errors);
        // Adopt entries are item keys, and a secret academy:items makes its keys secret too.
        var secretAdopt = config.IsSecret(ConfigKeys.Adopt.Name) || secretItems;
        catalog = catalog with { Adopt = AdoptParser.Parse(settings.Adopt, secretAdopt, catalog, errors.Concerning(secretAdopt)) };
        errors.ThrowIfAny();
        return catalog;
    }

    /// <summary>
    /// The tables <see cref="Build"/> would declare, from the config and tables.json alone (no item is
    /// read), so a command can start reading the live tables while Build checks every item. Null when
    /// either has a problem or the learner's name is unknown (secret): Build then reports it.
    /// </summary>
    public static IReadOnlyList<TableSpec>? TablesOf(IConfigSource config, ProjectPaths paths)
    {
        var errors = new ErrorList();
        try
        {
            var read = ReadTables(config, paths, errors);
            return errors.Any || read.Settings.UserUnreadable ? null : read.Tables;
        }
        catch (CatalogException)
        {
            return null; // a seed folder that cannot even be named
        }
    }

    // What Build reads before the items: the settings, the table definitions and the tables they make.
    // Throws at once when the seed folder cannot be named: config is then all there is to report.
    private static TablesRead ReadTables(IConfigSource config, ProjectPaths paths, ErrorList errors)
    {
        var settings = SettingsParser.Parse(config, errors);
        if (config.Get(ConfigKeys.Roster.Name) is { Length: > 0 } roster)
        {
            errors.Add($"config {ConfigKeys.Roster.FullKey}", null,
                $"names the roster '{roster}', so this stack is a course of learners, not one learner's stack: work on one learner with their own stack or --user (or --learner NAME where a command takes a roster)");
        }

        if (ProjectPaths.Unusable(settings.SeedDir) is { } unusable)
        {
            errors.Add(config.Origin(ConfigKeys.SeedDir.Name), null, unusable, config.IsSecret(ConfigKeys.SeedDir.Name));
            errors.ThrowIfAny();
        }

        var definitions = LoadDefinitions(paths, settings.SeedDir, errors, out var rejected);
        var tables = definitions.Values.Select(d => Spec(d, settings)).ToList();
        CheckUser(tables, settings, config, errors);
        return new TablesRead(settings, definitions, rejected, tables);
    }

    private sealed record TablesRead(CatalogSettings Settings, Dictionary<string, TableDefinition> Definitions, IReadOnlySet<string> Rejected, List<TableSpec> Tables);

    private static Dictionary<string, TableDefinition> LoadDefinitions(ProjectPaths paths, string seedDir, ErrorList errors, out IReadOnlySet<string> rejected)
    {
        var file = Path.Combine(paths.Resolve(seedDir), TablesFile);
        var source = paths.Relative(file);
        rejected = new HashSet<string>();
        if (FileKind.Of(file, followLinks: true) == FileType.Missing) // anything else (a folder, a FIFO) is refused by the read, saying what it is
        {
            errors.Add(source, null, $"not found; it declares the tables (set {ConfigKeys.SeedDir.FullKey} if the seed folder is elsewhere)");
            return [];
        }

        return JsonFile.Read(file, source, "it declares the tables (see docs/configuration.md: Table definitions)", 64, ("a table file", TablesMaxBytes), errors) is { } json
            ? TableDefinitionParser.Parse(System.Text.Encoding.UTF8.GetString(json), source, errors, out rejected).ToDictionary(d => d.Key)
            : [];
    }

    // Table keys may hold '-', so table "a" with key "b-c" and table "a-b" with key "c" would both
    // be "a-b-c"; today's names are kept (renaming replaces resources), so a clash is an error.
    // One name per item in a set rather than a grouping of all of them: a clash is rare, and this
    // runs inside every `pulumi up`, where each object made per item is the collector's work.
    private static void CheckLogicalNames(IReadOnlyList<CatalogItem> items, ErrorList errors)
    {
        var firsts = new Dictionary<string, CatalogItem>(items.Count, StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var name = item.LogicalName;
            if (!firsts.TryAdd(name, item) && reported.Add(name))
            {
                var first = firsts[name];
                errors.Add(item.Source, item.Key.ToString(),
                    $"its resource name '{name}' is also the name of item '{first.Key}' of table '{first.TableKey}' ({first.Source}); rename a table or change a key");
            }
        }
    }

    // One message for the learner name, not one per table it would name.
    private static void CheckUser(IEnumerable<TableSpec> tables, CatalogSettings settings, IConfigSource config, ErrorList errors)
    {
        if (settings.UserUnreadable)
        {
            return; // already reported: the name is unknown, so the stand-in proves nothing
        }

        if (tables.Select(t => TableNames.Check(t.Name)).FirstOrDefault(p => p is not null) is { } problem)
        {
            var key = settings.UserFromStackName
                ? $"{config.Origin(ConfigKeys.User.Name)} (not set, so the stack name '{settings.User}')"
                : config.Origin(ConfigKeys.User.Name);
            errors.Add(key, null, $"'{settings.User}' cannot name a table: {problem}", config.IsSecret(ConfigKeys.User.Name));
        }
    }

    private static TableSpec Spec(TableDefinition definition, CatalogSettings settings) =>
        new(definition, TableNames.For(settings.User, definition.Key), settings.TableOptions);
}
