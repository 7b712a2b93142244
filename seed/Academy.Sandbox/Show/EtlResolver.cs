using Academy.Catalog.Errors;
using Academy.Catalog.Jobs;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Show;

/// <summary>
/// What the ETL derives from the live items, through the catalog's <see cref="JobResolver"/> (the one
/// place URLs are resolved): per global item its settings and base URL, per job its table name and
/// partitions URL, and every problem that would stop the ETL, named once by item and field.
/// </summary>
public static class EtlResolver
{
    public static SourceView Resolve(
        IReadOnlyDictionary<string, AttributeValue> global,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, AttributeValue>> jobsByName,
        bool secret,
        Func<IReadOnlyDictionary<string, AttributeValue>, bool> secretJob)
    {
        var name = global.TryGetValue(JobFields.Name, out var key) ? key.S ?? "?" : "?";
        var settings = global
            .Where(kv => kv.Key != JobFields.Name)
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => KeyValuePair.Create(kv.Key, secret ? new AttributeValue { S = Plan.Masking.Mask } : kv.Value))
            .ToList();
        if (secret)
        {
            return new SourceView(name, true, true, settings, null, [], []);
        }

        var pointing = jobsByName.Values
            .Where(j => j.TryGetValue(JobFields.Source, out var s) && s.S == name)
            .Select(j => j[JobFields.Name].S!)
            .Order(StringComparer.Ordinal)
            .ToList();
        var list = global.GetValueOrDefault(JobFields.GlobalJobs);
        if (list is null && pointing.Count == 0)
        {
            return new SourceView(name, false, false, settings, null, [], []); // no job reads it: not a source
        }

        var problems = new List<string>();
        var source = JobSource.Read(global, (field, message) => problems.Add($"attribute '{Excerpt.Escape(field)}': {message}"));

        // The list stands on its own, so one bad field elsewhere in the item does not hide which jobs it names.
        var listed = source?.Jobs ?? (list is null ? null : JobSource.ParseJobs(list, _ => { })) ?? [];
        var jobs = listed
            .Concat(pointing.Where(p => !listed.Contains(p, StringComparer.Ordinal)))
            .Select(job => Job(job, global, source, jobsByName, list is null ? null : listed, secretJob))
            .ToList();
        return new SourceView(name, false, true, settings, source?.BaseUrl, jobs, problems);
    }

    private static JobView Job(
        string job,
        IReadOnlyDictionary<string, AttributeValue> global,
        JobSource? source,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, AttributeValue>> jobsByName,
        IReadOnlyList<string>? listed,
        Func<IReadOnlyDictionary<string, AttributeValue>, bool> secretJob)
    {
        if (!jobsByName.TryGetValue(job, out var item))
        {
            return new JobView(job, job, false, null, source?.BaseUrl, null, [$"no item '{job}' in the jobs table, so the ETL cannot run it"]);
        }

        if (secretJob(item))
        {
            // Its table name, schedule and URL may be the secret's: only its name, a key, is shown.
            return new JobView(job, Plan.Masking.Mask, true, null, null, null, [], Secret: true);
        }

        var problems = new List<string>();
        if (listed is not null && !listed.Contains(job, StringComparer.Ordinal))
        {
            problems.Add($"not in the global item's '{JobFields.GlobalJobs}' list");
        }

        var enabled = item.TryGetValue(JobFields.Enabled, out var e) ? e.BOOL : null;
        var tableName = item.TryGetValue(JobFields.TableName, out var t) && t.S is { Length: > 0 } s ? s : job;
        if (source is null)
        {
            // The source's own problems are reported once, with the source; here only the job's.
            JobConfig.Read(item, (field, message) => problems.Add($"attribute '{Excerpt.Escape(field)}': {message}"));
            return new JobView(job, tableName, true, enabled, null, null, problems);
        }

        try
        {
            var resolved = JobResolver.Resolve(global, item);
            return new JobView(job, resolved.Config.TableName, true, resolved.Config.Enabled, resolved.Source.BaseUrl, resolved.PartitionsUrl, problems);
        }
        catch (JobConfigException ex)
        {
            problems.AddRange(ex.Problems);
            return new JobView(job, tableName, true, enabled, source.BaseUrl, null, problems);
        }
    }
}
