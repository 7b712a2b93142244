using Academy.Catalog.Settings;
using Academy.Catalog.Tables;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using BillingMode = Academy.Catalog.Settings.BillingMode;

namespace Academy.Sandbox.Engine;

/// <summary>
/// A live table's settings against the catalog's: its key schema (which the sandbox never rewrites)
/// and its billing mode and capacities. Deletion protection, encryption and tags are left out because
/// the local engine does not report them.
/// </summary>
public static class TableSettings
{
    /// <summary>The capacities a PROVISIONED table gets when the catalog does not set them (as the Pulumi program does).</summary>
    public const int DefaultCapacity = 1;

    /// <summary>The declared key, e.g. "HASH name (S)".</summary>
    public static string DeclaredKey(TableSpec table) =>
        Describe(table.AttributeDefinitions.Select((k, i) => (k.Name, k.Type, i == 0 ? "HASH" : "RANGE")));

    /// <summary>The live key, e.g. "HASH id (N)".</summary>
    public static string LiveKey(TableDescription live)
    {
        var types = (live.AttributeDefinitions ?? []).ToDictionary(a => a.AttributeName, a => a.AttributeType.Value);
        return Describe((live.KeySchema ?? [])
            .OrderBy(k => k.KeyType == KeyType.HASH ? 0 : 1)
            .Select(k => (k.AttributeName, types.GetValueOrDefault(k.AttributeName, "?"), k.KeyType.Value)));
    }

    public static bool KeysMatch(TableSpec table, TableDescription live) => DeclaredKey(table) == LiveKey(live);

    /// <summary>The declared billing, e.g. "PROVISIONED 1 read / 1 write" or "PAY_PER_REQUEST".</summary>
    public static string DeclaredBilling(TableSpec table) => table.Options.BillingMode == BillingMode.Provisioned
        ? Provisioned(table.Options.ReadCapacity ?? DefaultCapacity, table.Options.WriteCapacity ?? DefaultCapacity)
        : BillingMode.PayPerRequest.ToApiName();

    /// <summary>The live billing; a table without a billing summary is PROVISIONED, as DynamoDB documents it.</summary>
    public static string LiveBilling(TableDescription live) =>
        live.BillingModeSummary?.BillingMode == BillingMode.PayPerRequest.ToApiName()
            ? BillingMode.PayPerRequest.ToApiName()
            : Provisioned(live.ProvisionedThroughput?.ReadCapacityUnits ?? 0, live.ProvisionedThroughput?.WriteCapacityUnits ?? 0);

    /// <summary>Every setting that differs, as "what: live X, catalog Y"; empty when the table is as declared.</summary>
    public static List<string> Differences(TableSpec table, TableDescription live)
    {
        var differences = new List<string>();
        if (!KeysMatch(table, live))
        {
            differences.Add($"key: live {LiveKey(live)}, catalog {DeclaredKey(table)}");
        }

        if (LiveBilling(live) is var billing && billing != DeclaredBilling(table))
        {
            differences.Add($"billing: live {billing}, catalog {DeclaredBilling(table)}");
        }

        return differences;
    }

    private static string Provisioned(long read, long write) => $"{BillingMode.Provisioned.ToApiName()} {read} read / {write} write";

    private static string Describe(IEnumerable<(string Name, string Type, string Role)> keys) =>
        string.Join(", ", keys.Select(k => $"{k.Role} {k.Name} ({k.Type})"));
}
