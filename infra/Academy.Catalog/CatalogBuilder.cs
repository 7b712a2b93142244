using Academy.Catalog.Errors;
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

    public static Catalog Build(IConfigSource config, ProjectPaths paths)
    {
        var errors = new ErrorList();
        var settings = SettingsParser.Parse(config, errors);
        var definitions = LoadDefinitions(paths, settings.SeedDir, errors, out var rejected);
        var tables = definitions.Values.Select(d => Spec(d, settings)).ToList();
        CheckUser(tables, settings, config, errors);

        var items = SeedFiles.Load(paths, settings.SeedDir, definitions, rejected, errors)
            .ToDictionary(i => (i.TableKey, i.Id));
        var secretItems = config.IsSecret(ConfigKeys.Items.Name);
        foreach (var item in ConfigItems.Load(settings.Items, secretItems, definitions, rejected, errors.Concerning(secretItems)))
        {
            items[(item.TableKey, item.Id)] = item; // stack config replaces the seed item with the same key
        }

        // Sorted by table and key so that the order of files and lists never shows up in a preview.
        var ordered = items.Values
            .OrderBy(i => i.TableKey, StringComparer.Ordinal)
            .ThenBy(i => i.Id, StringComparer.Ordinal)
            .ToList();
        var catalog = new Catalog(settings, tables, ordered);
        CatalogChecks.Run(catalog, errors);
        errors.ThrowIfAny();
        return catalog;
    }

    private static Dictionary<string, TableDefinition> LoadDefinitions(ProjectPaths paths, string seedDir, ErrorList errors, out IReadOnlySet<string> rejected)
    {
        var file = Path.Combine(paths.Resolve(seedDir), TablesFile);
        var source = paths.Relative(file);
        rejected = new HashSet<string>();
        if (!File.Exists(file))
        {
            errors.Add(source, null, $"not found; it declares the tables (set {ConfigKeys.SeedDir.FullKey} if the seed folder is elsewhere)");
            return [];
        }

        return TableDefinitionParser.Parse(File.ReadAllText(file), source, errors, out rejected).ToDictionary(d => d.Key);
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

    private static TableSpec Spec(TableDefinition definition, CatalogSettings settings)
    {
        return new TableSpec
        {
            Key = definition.Key,
            Name = TableNames.For(settings.User, definition.Key),
            HashKey = definition.HashKey,
            RangeKey = definition.RangeKey,
            BillingMode = settings.BillingMode,
            ReadCapacity = settings.ReadCapacity,
            WriteCapacity = settings.WriteCapacity,
            PointInTimeRecovery = settings.PointInTimeRecovery,
            DeletionProtection = settings.DeletionProtection,
            ServerSideEncryption = settings.ServerSideEncryption,
            KmsKeyArn = settings.KmsKeyArn,
            Tags = DefaultTags.Merge(settings.User, settings.ExtraTags),
        };
    }
}
