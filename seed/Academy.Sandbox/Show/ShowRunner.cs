using Academy.Catalog;
using Academy.Catalog.Jobs;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Compare;
using Academy.Sandbox.Engine;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Show;

/// <summary>Reads the live global and jobs tables and resolves them as the ETL does.</summary>
public static class ShowRunner
{
    public static async Task<EtlView> ReadAsync(IAmazonDynamoDB client, Academy.Catalog.Catalog catalog, EngineTarget target, Hints hints, CancellationToken ct)
    {
        var global = catalog.Table(JobFields.GlobalTable);
        var jobs = catalog.Table(JobFields.JobsTable);

        // A table keyed otherwise is what to say first: the ETL reads items by their key, and the `up`
        // a missing table's hint names refuses while it stands.
        foreach (var table in new[] { global, jobs })
        {
            if (await LiveTable.DescribeAsync(client, table.Name, ct) is { } existing)
            {
                Up.TableProvisioner.RequireKeys(table, existing, hints);
            }
        }

        var globalItems = await ReadTableAsync(client, global.Name, target, hints, ct);
        var jobItems = await ReadTableAsync(client, jobs.Name, target, hints, ct);
        _ = LiveTable.ByKey(globalItems, global); // an item scanned twice is an engine's fault, said in one line
        var jobsByName = LiveTable.ByKey(jobItems, jobs).Values
            .Where(i => i.TryGetValue(JobFields.Name, out var n) && n.S is not null)
            .ToDictionary(i => i[JobFields.Name].S!, i => (IReadOnlyDictionary<string, AttributeValue>)i, StringComparer.Ordinal);
        var globalSecrets = LiveSecrets.For(catalog, global);
        var jobSecrets = LiveSecrets.For(catalog, jobs);
        var sources = globalItems
            .OrderBy(i => TableKeys.Of(global, i))
            .Select(i => EtlResolver.Resolve(i, jobsByName, globalSecrets.MayBeSecret(i), jobSecrets.MayBeSecret))
            .ToList();
        var declared = catalog.ItemsOf(global.Key).ToList();
        var writer = declared.Any(i => !i.Secret) ? GlobalWriter.Up
            : declared.Count > 0 || catalog.Settings.ItemsUnreadable ? GlobalWriter.PulumiOnly
            : GlobalWriter.None;
        return new EtlView(catalog.Settings.User, target.Describe, global.Name, jobs.Name, sources, writer);
    }

    private static async Task<List<Dictionary<string, AttributeValue>>> ReadTableAsync(IAmazonDynamoDB client, string table, EngineTarget target, Hints hints, CancellationToken ct)
    {
        try
        {
            return await LiveTable.ScanAsync(client, table, ct);
        }
        catch (ResourceNotFoundException)
        {
            throw new SandboxException($"error: table {table} does not exist at {target.Describe}; create it with {hints.Command("up")}{(target.IsAws ? " (or pulumi up)" : "")}");
        }
    }
}
