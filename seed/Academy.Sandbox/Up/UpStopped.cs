using Academy.Catalog.Errors;
using Academy.Catalog.Items;
using Academy.Catalog.Tables;
using Academy.Sandbox.Engine;

namespace Academy.Sandbox.Up;

/// <summary>What `up` says when it stops during a table's writes: what it did, what it did not, and which item DynamoDB refused.</summary>
public static class UpStopped
{
    /// <summary>A line for the report; earlier tables already have theirs.</summary>
    public static string Progress(TableSpec table, int done, int total, IEnumerable<TableSpec> notReached)
    {
        var rest = notReached.Select(t => t.Name).ToList();
        return $"  stopped in {table.Name}: {done:N0} of {total:N0} write(s) done, {total - done:N0} not done"
            + (rest.Count > 0 ? $"; not reached: {string.Join(", ", rest)}" : "")
            + "; running up again writes only what is still missing";
    }

    /// <summary>The error line naming the refused item and where it is declared (never its values).</summary>
    public static string Refused(WriteRefusedException e, TableSpec table, IEnumerable<CatalogItem> declared)
    {
        var refusal = $"{e.Cause.ErrorCode}: {e.Cause.Message}";
        if (e.Request.PutRequest is not { } put)
        {
            return $"error: DynamoDB refused deleting undeclared item {table.Key}-{Excerpt.Escape(TableKeys.Of(table, e.Request.DeleteRequest.Key).ToString())}: {refusal}";
        }

        var key = TableKeys.Of(table, put.Item);
        var what = declared.FirstOrDefault(i => TableKeys.Of(table, i) == key) is { } item
            ? $"item {item.LogicalName} (declared in {item.Source})"
            : $"an item of {table.Name}";
        return $"error: DynamoDB refused {what}: {refusal}; the catalog accepted it, so it breaks a DynamoDB limit "
            + "the catalog does not check: change the item, then run `up` again";
    }
}
