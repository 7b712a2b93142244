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
        if (config.Get(ConfigKeys.Roster.Name) is { Length: > 0 } roster)
        {
            errors.Add($"config {ConfigKeys.Roster.FullKey}", null,
                $"names the roster '{roster}', so this stack is a course of learners, not one learner's stack; build it as a course (Roster.CourseBuilder)");
        }

        var definitions = LoadDefinitions(paths, settings.SeedDir, errors, out var rejected);
        var tables = definitions.Values.Select(d => Spec(d, settings)).ToList();
        CheckUser(tables, settings, errors);

        var items = SeedFiles.Load(paths, settings.SeedDir, definitions, rejected, errors)
            .ToDictionary(i => (i.TableKey, i.Id));
        foreach (var item in ConfigItems.Load(settings.Items, config.IsSecret(ConfigKeys.Items.Name), definitions, rejected, errors))
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
        if (config.IsSecret(ConfigKeys.Items.Name) && settings.Items is { } secretItems)
        {
            errors.Redact(SecretRedaction.Values(secretItems));
        }

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
    private static void CheckUser(IEnumerable<TableSpec> tables, CatalogSettings settings, ErrorList errors)
    {
        if (tables.Select(t => TableNames.Check(t.Name)).FirstOrDefault(p => p is not null) is { } problem)
        {
            var key = settings.UserFromStackName
                ? $"config {ConfigKeys.User.FullKey} (not set, so the stack name '{settings.User}')"
                : $"config {ConfigKeys.User.FullKey}";
            errors.Add(key, null, $"'{settings.User}' cannot name a table: {problem}");
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
