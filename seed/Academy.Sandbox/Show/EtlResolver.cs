using Academy.Catalog.Jobs;
using Academy.Sandbox.Compare;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Show;

/// <summary>
/// What the ETL derives from the live items, through the catalog's <see cref="JobResolver"/> (the one
/// place URLs are resolved): per global item its settings and base URL, per job its table name and
/// partitions URL, and every problem that would stop the ETL, named by item and field.
/// </summary>
public static class EtlResolver
{
    public static SourceView Resolve(
        IReadOnlyDictionary<string, AttributeValue> global,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, AttributeValue>> jobsByName,
        bool secret)
    {
        var name = global.TryGetValue(JobFields.Name, out var key) ? key.S ?? "?" : "?";
        var settings = global
            .Where(kv => kv.Key != JobFields.Name)
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => KeyValuePair.Create(kv.Key, secret ? new AttributeValue { S = Plan.Masking.Mask } : kv.Value))
            .ToList();
        if (secret)
        {
            return new SourceView(name, true, settings, null, [], []);
        }

        var problems = new List<string>();
        var source = JobSource.Read(global, (field, message) => problems.Add($"attribute '{field}': {message}"));
        var listed = source?.Jobs ?? [];
        var pointing = jobsByName.Values
            .Where(j => j.TryGetValue(JobFields.Source, out var s) && s.S == name)
            .Select(j => j[JobFields.Name].S!)
            .Where(n => !listed.Contains(n, StringComparer.Ordinal))
            .Order(StringComparer.Ordinal);
        var jobs = listed.Concat(pointing).Select(job => Job(job, global, source, jobsByName, listed)).ToList();
        return new SourceView(name, false, settings, source?.BaseUrl, jobs, problems);
    }

    /// <summary>How a value reads to a person: strings as they are ("" when empty), numbers and booleans as text, the rest as DynamoDB JSON.</summary>
    public static string Display(AttributeValue value) =>
        value.S is { } s ? (s.Length == 0 ? "\"\"" : s)
        : value.N ?? (value.BOOL is { } b ? (b ? "true" : "false") : AttributeValues.Text(value));

    private static JobView Job(
        string job,
        IReadOnlyDictionary<string, AttributeValue> global,
        JobSource? source,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, AttributeValue>> jobsByName,
        IReadOnlyList<string> listed)
    {
        var isListed = listed.Contains(job, StringComparer.Ordinal);
        if (!jobsByName.TryGetValue(job, out var item))
        {
            return new JobView(job, job, false, null, source?.BaseUrl, null, [$"no item '{job}' in the jobs table, so the ETL cannot run it"]);
        }

        var problems = new List<string>();
        if (!isListed)
        {
            problems.Add($"not in the global item's '{JobFields.GlobalJobs}' list");
        }

        var enabled = item.TryGetValue(JobFields.Enabled, out var e) ? e.BOOL : null;
        var tableName = item.TryGetValue(JobFields.TableName, out var t) && t.S is { Length: > 0 } s ? s : job;
        if (source is null)
        {
            problems.Add("its global item cannot be read (see above)");
            return new JobView(job, tableName, true, enabled, null, null, problems);
        }

        try
        {
            var resolved = JobResolver.Resolve(global, item);
            return new JobView(job, resolved.TableName, true, resolved.Enabled, resolved.BaseUrl, resolved.PartitionsUrl, problems);
        }
        catch (JobConfigException ex)
        {
            problems.AddRange(ex.Problems);
            return new JobView(job, tableName, true, enabled, source.BaseUrl, null, problems);
        }
    }
}
