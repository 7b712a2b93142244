using Academy.Catalog.Errors;
using Academy.Catalog.Items;
using Academy.Catalog.Tables;
using Academy.Sandbox.Cli;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Engine;

/// <summary>Reads what a table holds now.</summary>
public static class LiveTable
{
    // DynamoDB returns up to 1 MB a page; an empty page with more to come is rare, a hundred in a row never.
    private const int MaxEmptyPages = 100;

    /// <summary>
    /// Most items one scan reads. A configuration table of the course holds tens to thousands; an
    /// answer that goes on far past that is a table this tool does not manage or an endpoint that
    /// never ends, and holding all of it would take the machine's memory first.
    /// </summary>
    public const int MaxItems = 250_000;

    /// <summary>Most pages one scan reads: an endpoint that gives one small item a page would otherwise be asked for ever.</summary>
    public const int MaxPages = 1_000;

    /// <summary>
    /// Most bytes of answers one scan reads. Each answer may be up to 64 MB (<see cref="DeadlineHttp"/>),
    /// and a byte of an answer can take tens of bytes as the SDK's objects (an empty list is 8 bytes
    /// of JSON and some 150 in memory), so this keeps a scan to a few gigabytes at the very worst.
    /// </summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>Every item, with strongly consistent reads so a scan right after `up` sees every write.</summary>
    public static async Task<List<Dictionary<string, AttributeValue>>> ScanAsync(IAmazonDynamoDB client, string tableName, CancellationToken ct)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        var positions = new HashSet<string>(StringComparer.Ordinal);
        var emptyPages = 0;
        var pages = 0;
        var bytes = 0L;
        await foreach (var page in client.Paginators.Scan(new ScanRequest { TableName = tableName, ConsistentRead = true }).Responses.WithCancellation(ct))
        {
            var found = page.Items ?? [];
            var next = page.LastEvaluatedKey is { Count: > 0 } position ? position : null; // where the scan goes on from; null at its end
            if (found.Any(i => i is null || i.Count == 0 || i.Values.Any(v => v is null)))
            {
                throw new EngineAnswerException($"a scan of {tableName} that returned an empty or null item");
            }

            if (found.Any(i => !i.Values.All(WellFormed)))
            {
                throw new EngineAnswerException($"a scan of {tableName} that returned {NeverGiven}");
            }

            if (next is not null && !next.Values.All(WellFormed))
            {
                throw new EngineAnswerException($"a scan of {tableName} that named a position to go on from (LastEvaluatedKey) with {NeverGiven}");
            }

            items.AddRange(found);
            bytes += Math.Max(page.ContentLength, 0);
            if (next is not null && (++pages >= MaxPages || items.Count >= MaxItems || bytes >= MaxBytes))
            {
                throw new SandboxException(
                    $"error: the scan of table {Excerpt.Escape(tableName)} read {items.Count:N0} items in {pages:N0} pages ({bytes / (1024 * 1024):N0} MB) and the endpoint still had more; it stops at "
                    + $"{MaxItems:N0} items, {MaxPages:N0} pages or {MaxBytes / (1024 * 1024):N0} MB, far more than a configuration table of the course holds: is this the table and the DynamoDB you meant?");
            }

            // A scan that names a position it already gave, or goes on and on finding nothing, would never end.
            emptyPages = found.Count == 0 ? emptyPages + 1 : 0;
            if (next is not null && (!positions.Add(DynamoJsonWriter.Write(next)) || emptyPages > MaxEmptyPages))
            {
                throw new EngineAnswerException($"a scan of {tableName} that gave the same position to go on from (LastEvaluatedKey) twice, or {MaxEmptyPages} pages in a row without an item");
            }
        }

        return items;
    }

    private const string NeverGiven = "a value DynamoDB never gives (with no type or two, an empty set, a set with a member twice or null, or a number that is not one)";

    // A value DynamoDB returns has exactly one type, a set at least one member and none twice or
    // null, a number is one. Anything else would be shown and compared as data (drift that is not
    // there), or fail where it is sized or written out. Maps and lists are walked: their values too.
    private static bool WellFormed(AttributeValue? value)
    {
        if (value is null)
        {
            return false;
        }

        var types = (value.S is null ? 0 : 1) + (value.N is null ? 0 : 1) + (value.B is null ? 0 : 1) + (value.IsBOOLSet ? 1 : 0)
            + (value.NULL is null ? 0 : 1) + (value.IsSSSet ? 1 : 0) + (value.IsNSSet ? 1 : 0) + (value.IsBSSet ? 1 : 0)
            + (value.IsMSet ? 1 : 0) + (value.IsLSet ? 1 : 0);
        return types == 1 && value switch
        {
            { NULL: { } isNull } => isNull,
            { N: { } number } => NumberText.TryCanonical(number, out _, out _),
            { IsSSSet: true } => Set(value.SS, s => s),
            { IsNSSet: true } => Set(value.NS, n => NumberText.TryCanonical(n, out var canonical, out _) ? canonical : null),
            { IsBSSet: true } => Set(value.BS, b => Convert.ToBase64String(b.ToArray())),
            { IsMSet: true } => value.M.Values.All(WellFormed),
            { IsLSet: true } => value.L.All(WellFormed),
            _ => true,
        };
    }

    // At least one member, each there (its text not null) and none twice.
    private static bool Set<T>(List<T> members, Func<T, string?> text)
        where T : class
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return members.Count > 0 && members.All(m => m is not null && text(m) is { } t && seen.Add(t));
    }

    /// <summary>Scanned items by key; an item returned twice is an answer no DynamoDB gives.</summary>
    public static Dictionary<ItemKey, Dictionary<string, AttributeValue>> ByKey(IEnumerable<Dictionary<string, AttributeValue>> items, TableSpec table)
    {
        var byKey = new Dictionary<ItemKey, Dictionary<string, AttributeValue>>();
        foreach (var item in items)
        {
            var key = TableKeys.Of(table, item);
            if (key.Hash.Length == 0 || key.Range?.Length == 0)
            {
                throw new EngineAnswerException($"a scan of {table.Name} that returned an item without its key ({Excerpt.Escape(TableSettings.DeclaredKey(table))})");
            }

            if (!byKey.TryAdd(key, item))
            {
                // The key is not named: it may be one declared in secret config.
                throw new EngineAnswerException($"a scan of {table.Name} that returned one item twice");
            }
        }

        return byKey;
    }

    /// <summary>The table's description, or null when it does not exist.</summary>
    public static async Task<TableDescription?> DescribeAsync(IAmazonDynamoDB client, string tableName, CancellationToken ct)
    {
        try
        {
            var table = (await client.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, ct)).Table;
            return table is { KeySchema.Count: > 0 }
                ? table
                : throw new EngineAnswerException($"a description of {tableName} without the table's key in it");
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
    }
}
