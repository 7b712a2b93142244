using System.Text.Json;
using System.Text.RegularExpressions;
using Academy.Catalog.Jobs;
using Academy.Sandbox.Compare;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Show;

/// <summary>
/// Resolves what the ETL derives from the live items: per global item its base URL (the url template
/// filled from the item's own attributes) and per listed job the partitions URL (partitions_uri with
/// {table_name} filled from the job's item, or the job's name when it has none).
/// </summary>
public static partial class EtlResolver
{
    public static SourceView Resolve(
        IReadOnlyDictionary<string, AttributeValue> global,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, AttributeValue>> jobsByName,
        bool secret)
    {
        var name = global.TryGetValue(JobFields.Name, out var key) ? key.S ?? "?" : "?";
        var problems = new List<string>();
        var settings = global
            .Where(kv => kv.Key != JobFields.Name)
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => KeyValuePair.Create(kv.Key, secret ? Plan.Masking.Mask : Display(kv.Value)))
            .ToList();
        if (secret)
        {
            return new SourceView(name, true, settings, null, [], []);
        }

        string? Lookup(string placeholder, IReadOnlyDictionary<string, AttributeValue> item) =>
            item.TryGetValue(placeholder, out var value) ? value.S ?? value.N : null;

        string? baseUrl = null;
        if (global.TryGetValue(JobFields.GlobalUrl, out var url) && url.S is { } urlTemplate)
        {
            baseUrl = Fill(urlTemplate, p => Lookup(p, global), $"{JobFields.GlobalUrl}", problems);
        }
        else
        {
            problems.Add($"no '{JobFields.GlobalUrl}' string attribute, so there is no base URL");
        }

        var jobs = new List<JobView>();
        foreach (var job in JobNames(global, problems))
        {
            var jobProblems = new List<string>();
            jobsByName.TryGetValue(job, out var jobItem);
            var tableName = jobItem is not null && jobItem.TryGetValue(JobFields.TableName, out var t) && t.S is { Length: > 0 } s ? s : job;
            bool? enabled = jobItem is not null && jobItem.TryGetValue(JobFields.Enabled, out var e) ? e.BOOL : null;
            string? uri = null;
            if (global.TryGetValue(JobFields.GlobalPartitionsUri, out var partitions) && partitions.S is { } template)
            {
                uri = Fill(template, p => p == JobFields.TableName ? tableName : Lookup(p, global), JobFields.GlobalPartitionsUri, jobProblems);
            }
            else
            {
                jobProblems.Add($"the global item has no '{JobFields.GlobalPartitionsUri}' string attribute");
            }

            if (jobItem is null)
            {
                jobProblems.Add($"no item '{job}' in the jobs table; {JobFields.TableName} defaults to the job's name");
            }

            var full = baseUrl is null || uri is null ? null : Join(baseUrl, uri);
            jobs.Add(new JobView(job, tableName, jobItem is not null, enabled, baseUrl, uri, full, jobProblems));
        }

        return new SourceView(name, false, settings, baseUrl, jobs, problems);
    }

    /// <summary>How a value reads to a person: strings as they are ("" when empty), numbers and booleans as text, the rest as DynamoDB JSON.</summary>
    public static string Display(AttributeValue value) =>
        value.S is { } s ? (s.Length == 0 ? "\"\"" : s)
        : value.N ?? (value.BOOL is { } b ? (b ? "true" : "false") : AttributeValues.Text(value));

    // The course material stores the list as a JSON-encoded string; a native list (L of S) is read too.
    private static List<string> JobNames(IReadOnlyDictionary<string, AttributeValue> global, List<string> problems)
    {
        if (!global.TryGetValue(JobFields.GlobalJobs, out var jobs))
        {
            return [];
        }

        if (jobs.L is { } list)
        {
            return list.Where(v => v.S is not null).Select(v => v.S!).ToList();
        }

        if (jobs.S is { } text)
        {
            try
            {
                return JsonSerializer.Deserialize<List<string>>(text) ?? [];
            }
            catch (JsonException)
            {
                problems.Add($"'{JobFields.GlobalJobs}' is not a JSON list of job names: {text}");
                return [];
            }
        }

        problems.Add($"'{JobFields.GlobalJobs}' is neither a JSON-encoded string list nor a list");
        return [];
    }

    private static string? Fill(string template, Func<string, string?> lookup, string attribute, List<string> problems)
    {
        var missing = new List<string>();
        var filled = Placeholder().Replace(template, m =>
        {
            var value = lookup(m.Groups[1].Value);
            if (value is null)
            {
                missing.Add(m.Value);
            }

            return value ?? m.Value;
        });
        if (missing.Count > 0)
        {
            problems.Add($"'{attribute}' has {string.Join(", ", missing)} with no attribute to fill it");
            return null;
        }

        return filled;
    }

    private static string Join(string baseUrl, string uri) =>
        baseUrl.EndsWith('/') && uri.StartsWith('/') ? baseUrl + uri[1..]
        : baseUrl.EndsWith('/') || uri.StartsWith('/') || uri.Length == 0 ? baseUrl + uri
        : $"{baseUrl}/{uri}";

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();
}
