using Academy.Catalog.Items;
using Academy.Catalog.Tables;

namespace Academy.Catalog.Adopt;

/// <summary>
/// The ids Pulumi.Aws imports DynamoDB resources by: a table by its name, an item by
/// <c>&lt;table name&gt;,&lt;hash key value&gt;[,&lt;range key value&gt;]</c> with the key values in the
/// catalog's canonical text (S verbatim, N as DynamoDB writes it, B standard base64).
/// </summary>
public static class ImportIds
{
    public const char Separator = ',';

    public static string Table(TableSpec table) => table.Name;

    /// <summary>False when a key value contains the separator, which an import id cannot carry.</summary>
    public static bool CanImport(CatalogItem item) =>
        !item.HashKeyValue.Contains(Separator) && item.RangeKeyValue?.Contains(Separator) != true;

    public static string Item(TableSpec table, CatalogItem item)
    {
        if (!CanImport(item))
        {
            throw new ArgumentException($"item '{item.Key}' has a '{Separator}' in its key and cannot be imported by id", nameof(item));
        }

        return item.RangeKeyValue is null
            ? $"{table.Name}{Separator}{item.HashKeyValue}"
            : $"{table.Name}{Separator}{item.HashKeyValue}{Separator}{item.RangeKeyValue}";
    }
}
