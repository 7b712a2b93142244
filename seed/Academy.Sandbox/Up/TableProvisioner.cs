using System.Diagnostics;
using Academy.Catalog.Settings;
using Academy.Catalog.Tables;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Engine;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Up;

/// <summary>Creates a missing table the way the catalog declares it and waits until it is ACTIVE; never changes an existing one's keys.</summary>
public static class TableProvisioner
{
    private static readonly TimeSpan ActiveTimeout = TimeSpan.FromMinutes(5);

    /// <summary>True when the table was created, false when it already existed with the catalog's key schema.</summary>
    public static async Task<bool> EnsureAsync(IAmazonDynamoDB client, TableSpec table, Action<string> note, CancellationToken ct)
    {
        var existing = await LiveTable.DescribeAsync(client, table.Name, ct);
        if (existing is not null)
        {
            CheckKeySchema(table, existing);
            if (existing.TableStatus != TableStatus.ACTIVE)
            {
                await WaitActiveAsync(client, table.Name, ct);
            }

            return false;
        }

        try
        {
            await client.CreateTableAsync(CreateRequest(table), ct);
        }
        catch (ResourceInUseException)
        {
            // Another `up` created it between our describe and create: check it like any existing table.
            CheckKeySchema(table, (await LiveTable.DescribeAsync(client, table.Name, ct))!);
        }

        await WaitActiveAsync(client, table.Name, ct);
        if (table.PointInTimeRecovery)
        {
            await EnablePointInTimeRecoveryAsync(client, table.Name, note, ct);
        }

        return true;
    }

    /// <summary>The request the catalog implies: key attributes only, billing, capacities, encryption, protection, tags.</summary>
    public static CreateTableRequest CreateRequest(TableSpec table)
    {
        var request = new CreateTableRequest
        {
            TableName = table.Name,
            AttributeDefinitions = table.AttributeDefinitions
                .Select(a => new AttributeDefinition { AttributeName = a.Name, AttributeType = a.Type })
                .ToList(),
            KeySchema = [new KeySchemaElement { AttributeName = table.HashKey.Name, KeyType = KeyType.HASH }],
            BillingMode = table.BillingMode.ToApiName(),
            DeletionProtectionEnabled = table.DeletionProtection,
            Tags = table.Tags.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList(),
        };
        if (table.RangeKey is not null)
        {
            request.KeySchema.Add(new KeySchemaElement { AttributeName = table.RangeKey.Name, KeyType = KeyType.RANGE });
        }

        if (table.BillingMode == Academy.Catalog.Settings.BillingMode.Provisioned)
        {
            request.ProvisionedThroughput = new ProvisionedThroughput
            {
                ReadCapacityUnits = table.ReadCapacity ?? 1,
                WriteCapacityUnits = table.WriteCapacity ?? 1,
            };
        }

        if (table.ServerSideEncryption)
        {
            request.SSESpecification = new SSESpecification { Enabled = true, SSEType = SSEType.KMS, KMSMasterKeyId = table.KmsKeyArn };
        }

        return request;
    }

    private static void CheckKeySchema(TableSpec table, TableDescription existing)
    {
        string Describe(IEnumerable<(string Name, string Type, string Role)> keys) =>
            string.Join(", ", keys.Select(k => $"{k.Role} {k.Name} ({k.Type})"));

        var types = (existing.AttributeDefinitions ?? []).ToDictionary(a => a.AttributeName, a => a.AttributeType.Value);
        var live = (existing.KeySchema ?? [])
            .OrderBy(k => k.KeyType == KeyType.HASH ? 0 : 1)
            .Select(k => (k.AttributeName, types.GetValueOrDefault(k.AttributeName, "?"), k.KeyType.Value))
            .ToList();
        var declared = new List<(string, string, string)> { (table.HashKey.Name, table.HashKey.Type, "HASH") };
        if (table.RangeKey is not null)
        {
            declared.Add((table.RangeKey.Name, table.RangeKey.Type, "RANGE"));
        }

        if (!live.SequenceEqual(declared))
        {
            throw new SandboxException(
                $"error: table {table.Name} exists with key {Describe(live)} but the catalog declares {Describe(declared)}; "
                + "the sandbox never rewrites a table's keys. Delete it with `academy-sandbox down` (its items go with it; add the same --user/--stack/--endpoint) or use another --user.");
        }
    }

    private static async Task WaitActiveAsync(IAmazonDynamoDB client, string tableName, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(50);
        while (clock.Elapsed < ActiveTimeout)
        {
            var table = await LiveTable.DescribeAsync(client, tableName, ct);
            if (table?.TableStatus == TableStatus.ACTIVE)
            {
                return;
            }

            await Task.Delay(delay, ct);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2000));
        }

        throw new SandboxException($"error: table {tableName} did not become ACTIVE within {ActiveTimeout.TotalMinutes:0} minutes");
    }

    private static async Task EnablePointInTimeRecoveryAsync(IAmazonDynamoDB client, string tableName, Action<string> note, CancellationToken ct)
    {
        try
        {
            await client.UpdateContinuousBackupsAsync(new UpdateContinuousBackupsRequest
            {
                TableName = tableName,
                PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = true },
            }, ct);
        }
        catch (AmazonDynamoDBException e) when (e.ErrorCode is "UnknownOperationException" or "UnrecognizedClientException")
        {
            note($"  note: {tableName}: this engine has no point-in-time recovery ({e.ErrorCode}); the setting applies in AWS only");
        }
    }
}
