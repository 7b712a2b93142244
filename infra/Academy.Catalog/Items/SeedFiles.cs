using System.Text.Json;
using Academy.Catalog.Errors;
using Academy.Catalog.Files;
using Academy.Catalog.Project;
using Academy.Catalog.Tables;

namespace Academy.Catalog.Items;

/// <summary>
/// Reads &lt;seedDir&gt;/items: &lt;table&gt;.json holds plain JSON items, &lt;table&gt;.dynamodb.json holds DynamoDB
/// JSON (an array of items, or the {"Items": [...]} object `aws dynamodb scan` prints).
/// </summary>
public static class SeedFiles
{
    public const string ItemsFolder = "items";
    public const string DynamoDbSuffix = ".dynamodb.json";

    /// <summary>Most bytes in one seed file: thousands of items of the largest kind, and a bound on the memory one file may take.</summary>
    public const long MaxBytes = 64 * 1024 * 1024;

    // DynamoDB JSON spends two JSON levels per map or list ({"M": {...}}), so DynamoDB's 32 levels
    // need more than System.Text.Json's default of 64; the item checks then report the real depth.
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 128 };

    /// <summary>The items of every seed file by table and key, each key once (a key in two files is reported).</summary>
    public static Dictionary<(string Table, ItemKey Key), CatalogItem> Load(ProjectPaths paths, string seedDir, IReadOnlyDictionary<string, TableDefinition> tables, IReadOnlySet<string> rejectedTables, ErrorList errors)
    {
        var folder = Path.Combine(paths.Resolve(seedDir), ItemsFolder);
        var items = new Dictionary<(string Table, ItemKey Key), CatalogItem>();
        if (tables.Count == 0 && rejectedTables.Count == 0)
        {
            return items; // tables.json is missing, unreadable or empty, as already reported: every file would be an orphan
        }

        if (!Directory.Exists(folder))
        {
            // Never "no items": a renamed folder would otherwise read as an empty catalog, and prune
            // or `pulumi up` would then delete every item.
            errors.Add(paths.Relative(folder), null, $"folder not found; it holds the items of every table (<table>.json or <table>{DynamoDbSuffix}){CaseVariant(folder, paths)}");
            return items;
        }

        var withFile = new HashSet<string>(StringComparer.Ordinal);

        // Entries, not files: a folder named global.json is refused by the read as a folder, not missed as "not found".
        foreach (var file in Directory.EnumerateFileSystemEntries(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var source = paths.Relative(file);
            var fileName = Path.GetFileName(file);
            var format = fileName.EndsWith(DynamoDbSuffix, StringComparison.Ordinal) ? ItemFormat.DynamoDb : ItemFormat.Plain;
            var tableKey = format == ItemFormat.DynamoDb ? fileName[..^DynamoDbSuffix.Length] : Path.GetFileNameWithoutExtension(fileName);
            if (rejectedTables.Contains(tableKey))
            {
                continue; // its table definition is already reported
            }

            if (!tables.TryGetValue(tableKey, out var table))
            {
                errors.Add(source, null, $"names table '{tableKey}', which is not declared; tables are {string.Join(", ", tables.Keys)} (name files <table>.json or <table>{DynamoDbSuffix})");
                continue;
            }

            withFile.Add(tableKey);
            // The items are parsed while the file's document is open: no copy of the whole file.
            using var document = ReadList(file, source, format, errors, out var list);
            if (document is null)
            {
                continue;
            }

            var parsed = ItemParser.ParseList(list, format, table, source, errors);
            items.EnsureCapacity(items.Count + parsed.Count);
            foreach (var item in parsed)
            {
                if (!items.TryAdd((item.TableKey, item.Key), item))
                {
                    errors.Add(source, item.Key.ToString(), $"duplicate key: {items[(item.TableKey, item.Key)].Source} declares the same {ItemParser.Describe(table, item.Key)}");
                }
            }
        }

        foreach (var table in tables.Keys.Where(t => !withFile.Contains(t)).Order(StringComparer.Ordinal))
        {
            errors.Add(paths.Relative(Path.Combine(folder, $"{table}.json")), null,
                $"not found; table '{table}' is declared in {CatalogBuilder.TablesFile}, so its items belong in {table}.json or {table}{DynamoDbSuffix} (a file holding [] if the table is meant to be empty)");
        }

        return items;
    }

    // A folder renamed by case (items -> Items) is the likely mistake on a case-sensitive file system.
    private static string CaseVariant(string folder, ProjectPaths paths)
    {
        var parent = Path.GetDirectoryName(folder);
        if (parent is null || !Directory.Exists(parent))
        {
            return "";
        }

        var variant = Directory.EnumerateDirectories(parent)
            .FirstOrDefault(d => string.Equals(Path.GetFileName(d), ItemsFolder, StringComparison.OrdinalIgnoreCase));
        return variant is null ? "" : $"; did you mean {paths.Relative(variant)}?";
    }

    /// <summary>The file's document and, in <paramref name="list"/>, its array of items; null after reporting why not.</summary>
    private static JsonDocument? ReadList(string file, string source, ItemFormat format, ErrorList errors, out JsonElement list)
    {
        list = default;
        if (JsonFile.Parse(file, source, "write [] for a table without items", DocumentOptions, ("a seed file", MaxBytes), errors) is not { } document)
        {
            return null;
        }

        var root = document.RootElement;
        if (format == ItemFormat.DynamoDb && root.ValueKind == JsonValueKind.Object && root.TryGetProperty("Items", out var scanned))
        {
            root = scanned;
        }

        if (root.ValueKind == JsonValueKind.Array)
        {
            list = root;
            return document;
        }

        errors.Add(source, null, format == ItemFormat.Plain
            ? $"must be a JSON array of items, not {Json.KindName(root)}"
            : $"must be an array of items or an object with \"Items\" as `aws dynamodb scan` prints, not {Json.KindName(root)}");
        document.Dispose();
        return null;
    }
}
