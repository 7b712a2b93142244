using Academy.Sandbox.Cli;
using Academy.Sandbox.Engine;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Down;

/// <summary>
/// Deletes the learner's tables (and with them every item) so the learner can start over. A table that
/// does not exist is not an error; each deletion is waited for, so an `up` right after finds no table.
/// A refusal (deletion protection in AWS) stops with DynamoDB's own message after the lines of the
/// tables already deleted.
/// </summary>
public static class DownRunner
{
    private static readonly TimeSpan GoneTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The learner's tables down deletes: all, or the one whose key is <paramref name="only"/>.</summary>
    public static IEnumerable<Academy.Catalog.Tables.TableSpec> Tables(Academy.Catalog.Catalog catalog, string? only) =>
        catalog.Tables.Where(t => only is null || t.Key == only);

    /// <summary>Returns the names of the tables it deleted.</summary>
    /// <param name="noteEvery">How often a wait for a deletion says so (10 s unless given).</param>
    public static async Task<List<string>> RunAsync(IAmazonDynamoDB client, Academy.Catalog.Catalog catalog, string? only, TextWriter output, CancellationToken ct, TimeSpan? noteEvery = null)
    {
        var deleted = new List<string>();
        foreach (var table in Tables(catalog, only))
        {
            try
            {
                await client.DeleteTableAsync(new DeleteTableRequest { TableName = table.Name }, ct);
            }
            catch (ResourceNotFoundException)
            {
                output.WriteLine($"  table {table.Name}: does not exist; nothing to delete");
                continue;
            }
            catch (ResourceInUseException)
            {
                // DynamoDB deletes no table that is being created or updated: once it is ACTIVE, it is
                // deleted. One already being deleted is waited for below like any other.
                if ((await LiveTable.DescribeAsync(client, table.Name, ct))?.TableStatus != TableStatus.DELETING)
                {
                    await Up.TableProvisioner.WaitActiveAsync(client, table.Name, output.WriteLine, ct, noteEvery);
                    await client.DeleteTableAsync(new DeleteTableRequest { TableName = table.Name }, ct);
                }
            }

            await WaitGoneAsync(client, table.Name, ct, output.WriteLine, noteEvery);
            deleted.Add(table.Name);
            output.WriteLine($"  table {table.Name}: deleted, with every item in it");
        }

        return deleted;
    }

    internal static async Task WaitGoneAsync(IAmazonDynamoDB client, string tableName, CancellationToken ct, Action<string>? note = null, TimeSpan? noteEvery = null)
    {
        var wait = new WaitNote(noteEvery);
        var delay = TimeSpan.FromMilliseconds(50);
        DateTime? created = null;
        while (await LiveTable.DescribeAsync(client, tableName, ct) is { } table)
        {
            if (wait.Elapsed > GoneTimeout)
            {
                throw new SandboxException($"error: table {tableName} was still being deleted after {GoneTimeout.TotalMinutes:0} minutes; run down again later");
            }

            // Gone and created again by someone else meanwhile: a new table, not this one undeleted.
            created ??= table.CreationDateTime;
            if (table.CreationDateTime != created)
            {
                throw new SandboxException($"error: table {tableName} was deleted and then created again by someone else while this waited for it to be gone "
                    + $"(it is {WaitNote.Shown(table.TableStatus, "without a status")} now); run the command again once they are done");
            }

            // A deleted table is DELETING until it is gone; DynamoDB may describe it as before for a
            // moment, never for as long as a note takes to come due.
            if (table.TableStatus != TableStatus.DELETING && wait.Elapsed >= (noteEvery ?? WaitNote.DefaultEvery))
            {
                throw new EngineAnswerException($"a table {tableName} still {WaitNote.Shown(table.TableStatus, "without a status")} "
                    + $"{wait.Elapsed.TotalSeconds:0} s after it was deleted, where DynamoDB says DELETING until it is gone");
            }

            if (wait.Due())
            {
                note?.Invoke($"  table {tableName}: still being deleted after {wait.Elapsed.TotalSeconds:0} s; waiting until it is gone (at most {GoneTimeout.TotalMinutes:0} minutes)");
            }

            await Task.Delay(delay, ct);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2000));
        }
    }
}
