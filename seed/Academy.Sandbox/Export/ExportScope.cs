using Academy.Catalog.Items;
using Academy.Catalog.Tables;
using Academy.Sandbox.Cli;

namespace Academy.Sandbox.Export;

/// <summary>What `export` takes from the live tables: every table, one table (--table), or items of it (--item, the key as adopt names it).</summary>
public sealed record ExportScope(string? Table, IReadOnlyList<string> Items)
{
    public static ExportScope Everything { get; } = new(null, []);

    /// <summary>True when whole tables are exported, so declared items that are not live are dropped.</summary>
    public bool Whole => Items.Count == 0;

    public bool Includes(TableSpec table) => Table is null || Table == table.Key;

    public bool Includes(ItemKey key) => Whole || Items.Contains(key.ToString());

    /// <summary>One error line for a scope the catalog cannot have: --item without --table, an unknown table.</summary>
    public void Check(Academy.Catalog.Catalog catalog)
    {
        if (Items.Count > 0 && Table is null)
        {
            throw new SandboxException("error: --item needs --table, the table the item is in (e.g. --table global --item imdb-rest-api)", ExitCodes.Usage);
        }

        if (Table is not null && catalog.Tables.All(t => t.Key != Table))
        {
            throw new SandboxException($"error: --table {Academy.Catalog.Errors.Excerpt.Of(Table)}: not a table of the catalog; tables are {string.Join(", ", catalog.Tables.Select(t => t.Key))}", ExitCodes.Usage);
        }
    }

    /// <summary>The options that give this scope, for hints.</summary>
    /// <summary>The options that export one item, as hint words (quoted, a value starting with '-' joined with '=').</summary>
    public static string[] HintWords(string table, string item) => [.. Hints.OptionWords("--table", table), .. Hints.OptionWords("--item", item)];
}
