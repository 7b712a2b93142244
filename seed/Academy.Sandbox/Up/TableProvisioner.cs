using Academy.Catalog.Settings;
using Academy.Catalog.Tables;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Engine;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Up;

/// <summary>Creates a missing table the way the catalog declares it and waits until it is ACTIVE; never changes an existing one.</summary>
public static class TableProvisioner
{
    private static readonly TimeSpan ActiveTimeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Creates a table the catalog declares and the engine lacks, waits until it is ACTIVE and turns on
    /// point-in-time recovery. False when another run (a second `up`, `pulumi up`) created it first:
    /// then this run did not create it and must not say so.
    /// </summary>
    public static async Task<bool> CreateAsync(IAmazonDynamoDB client, TableSpec table, Action<string> note, Hints hints, CancellationToken ct, TimeSpan? noteEvery = null)
    {
        try
        {
            await client.CreateTableAsync(CreateRequest(table), ct);
        }
        catch (ResourceInUseException)
        {
            // It was created since we looked: check it like any existing table, and leave its settings to whoever made it.
            RequireKeys(table, (await LiveTable.DescribeAsync(client, table.Name, ct))!, hints);
            await WaitActiveAsync(client, table.Name, note, ct, noteEvery);
            return false;
        }

        await WaitActiveAsync(client, table.Name, note, ct, noteEvery);
        if (table.Options.PointInTimeRecovery)
        {
            await EnablePointInTimeRecoveryAsync(client, table.Name, note, ct);
        }

        return true;
    }

    /// <summary>Refuses a table whose keys are not the catalog's: its items would be keyed by something else.</summary>
    public static void RequireKeys(TableSpec table, TableDescription existing, Hints? hints = null)
    {
        if (!TableSettings.KeysMatch(table, existing))
        {
            throw new SandboxException(
                $"error: table {table.Name} exists with key {TableSettings.LiveKey(existing)} but the catalog declares {TableSettings.DeclaredKey(table)}; "
                + $"the sandbox never rewrites a table's keys. Delete it with {(hints ?? Hints.None).Command("down", "--table", table.Key)} (its items go with it; the learner's other tables stay) or name another learner.");
        }
    }

    /// <summary>
    /// Waits, with the same jittered backoff as write retries, until the table is ACTIVE, saying
    /// every <paramref name="noteEvery"/> (10 s unless given) that it still waits and on what.
    /// </summary>
    public static async Task WaitActiveAsync(IAmazonDynamoDB client, string tableName, Action<string> note, CancellationToken ct, TimeSpan? noteEvery = null)
    {
        var wait = new WaitNote(noteEvery);
        var seen = false;
        for (var attempt = 0; wait.Elapsed < ActiveTimeout; attempt++)
        {
            var status = (await LiveTable.DescribeAsync(client, tableName, ct))?.TableStatus;
            if (status == TableStatus.ACTIVE)
            {
                return;
            }

            // A table being deleted, or gone after it was seen, never becomes ACTIVE: no 5-minute wait for it.
            if (status == TableStatus.DELETING || (status is null && seen))
            {
                throw new SandboxException($"error: table {tableName} is being deleted (by `down` or another tool), so it will not become ACTIVE; run the command again once it is gone");
            }

            seen |= status is not null;

            if (wait.Due())
            {
                note($"  table {tableName}: {WaitNote.Shown(status, "not visible yet")} after {wait.Elapsed.TotalSeconds:0} s; waiting until it is ACTIVE (at most {ActiveTimeout.TotalMinutes:0} minutes)");
            }

            await Task.Delay(Backoff.Default.Delay(attempt), ct);
        }

        throw new SandboxException($"error: table {tableName} did not become ACTIVE within {ActiveTimeout.TotalMinutes:0} minutes");
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
            BillingMode = table.Options.BillingMode.ToApiName(),
            DeletionProtectionEnabled = table.Options.DeletionProtection,
            Tags = table.Options.Tags.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList(),
        };
        if (table.RangeKey is not null)
        {
            request.KeySchema.Add(new KeySchemaElement { AttributeName = table.RangeKey.Name, KeyType = KeyType.RANGE });
        }

        if (table.Options.BillingMode == Academy.Catalog.Settings.BillingMode.Provisioned)
        {
            request.ProvisionedThroughput = new ProvisionedThroughput
            {
                ReadCapacityUnits = table.Options.ReadCapacity ?? TableSettings.DefaultCapacity,
                WriteCapacityUnits = table.Options.WriteCapacity ?? TableSettings.DefaultCapacity,
            };
        }

        if (table.Options.ServerSideEncryption)
        {
            request.SSESpecification = new SSESpecification { Enabled = true, SSEType = SSEType.KMS, KMSMasterKeyId = table.Options.KmsKeyArn };
        }

        return request;
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
