using Academy.Catalog.Errors;
using Amazon.DynamoDBv2.Model;
using static Academy.Catalog.Errors.Shown;

namespace Academy.Catalog.Jobs;

/// <summary>
/// The one place that turns a global item and a jobs item into the URLs the ETL calls. Works on
/// attribute maps, so the catalog's items and items read back from DynamoDB resolve alike.
/// <para>
/// Base URL: the global <c>url</c> template with every {placeholder} filled from the global item's
/// string or number attributes. Partitions URL: the base URL, one '/', then <c>partitions_uri</c>
/// with its placeholders filled from the jobs item first (<c>{table_name}</c>) and the global
/// item second. Slashes where the two meet collapse to one, so "v1/imdb" + "/partitions/x" and
/// "v1/imdb/" + "partitions/x" both give ".../v1/imdb/partitions/x".
/// </para>
/// </summary>
public static class JobResolver
{
    // The jobs item's attributes that make sense in a path; messages offer these, whatever else one job has.
    private static readonly string[] JobPlaceholders = [JobFields.TableName, JobFields.Name, JobFields.Source];

    // Attributes that hold templates or lists, not values a placeholder may take.
    private static readonly HashSet<string> NotValues = [JobFields.GlobalUrl, JobFields.GlobalPartitionsUri, JobFields.GlobalJobs];

    /// <summary>Resolves one job against its source; throws <see cref="JobConfigException"/> naming every bad field.</summary>
    public static ResolvedJob Resolve(IReadOnlyDictionary<string, AttributeValue> globalItem, IReadOnlyDictionary<string, AttributeValue> jobItem)
    {
        var source = JobSource.From(globalItem);
        var config = JobConfig.From(jobItem);
        if (config.Source != source.Name)
        {
            throw new JobConfigException($"jobs item '{config.Name}'", [$"attribute '{JobFields.Source}': names '{config.Source}', not the global item '{source.Name}' it was resolved against"]);
        }

        var problems = new List<string>();
        var partitionsUrl = PartitionsUrl(source, globalItem, jobItem, message => problems.Add(message.ToString()));
        return partitionsUrl is null
            ? throw new JobConfigException($"jobs item '{config.Name}'", problems)
            : new ResolvedJob(config, source, partitionsUrl);
    }

    /// <summary>
    /// Resolves every job against the global item its <c>source</c> names, ordered by name (for
    /// example the items of a Scan of each table); throws <see cref="JobConfigException"/> when a
    /// source is missing or an item is bad.
    /// </summary>
    public static IReadOnlyList<ResolvedJob> ResolveAll(
        IEnumerable<IReadOnlyDictionary<string, AttributeValue>> globalItems,
        IEnumerable<IReadOnlyDictionary<string, AttributeValue>> jobItems)
    {
        var globals = globalItems
            .Where(g => g.TryGetValue(JobFields.Name, out var name) && name.S is not null)
            .ToDictionary(g => g[JobFields.Name].S, StringComparer.Ordinal);
        return jobItems
            .Select(job =>
            {
                var config = JobConfig.From(job);
                return globals.TryGetValue(config.Source, out var global)
                    ? Resolve(global, job)
                    : throw new JobConfigException($"jobs item '{config.Name}'", [$"attribute '{JobFields.Source}': names global item '{config.Source}', which does not exist"]);
            })
            .OrderBy(j => j.Config.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Every job of a validated catalog, resolved.</summary>
    public static IReadOnlyList<ResolvedJob> ResolveAll(Catalog catalog) =>
        ResolveAll(catalog.ItemsOf(JobFields.GlobalTable).Select(i => i.Attributes), catalog.ItemsOf(JobFields.JobsTable).Select(i => i.Attributes));

    /// <summary>The base URL of a global item, e.g. https://host/v1/imdb; throws <see cref="JobConfigException"/> if it cannot be filled.</summary>
    public static string BaseUrl(IReadOnlyDictionary<string, AttributeValue> globalItem) => JobSource.From(globalItem).BaseUrl;

    /// <summary>Joins a base URL and a path with exactly one '/' between them.</summary>
    public static string Join(string baseUrl, string path) => $"{baseUrl.TrimEnd('/')}/{path.TrimStart('/')}";

    internal static string? BaseUrl(IReadOnlyDictionary<string, AttributeValue> globalItem, Action<ErrorMessage> report)
    {
        if (globalItem.TryGetValue(JobFields.GlobalUrl, out var template) is false || template.S is null)
        {
            report($"is missing or not a string");
            return null;
        }

        var url = UrlTemplate.Fill(template.S, name => Value(globalItem, name), Fillable(globalItem), report);
        if (url is not null && !IsHttpUrl(url))
        {
            report($"resolves to '{url}', which is not an absolute http(s) URL; check the attributes it is made of (method such as \"https://\", host)");
            return null;
        }

        return url;
    }

    internal static string? PartitionsUrl(JobSource source, IReadOnlyDictionary<string, AttributeValue> globalItem, IReadOnlyDictionary<string, AttributeValue> jobItem, Action<ErrorMessage> report)
    {
        var path = UrlTemplate.Fill(
            source.PartitionsUri,
            name => Value(jobItem, name) ?? Value(globalItem, name),
            JobPlaceholders.Union(Fillable(globalItem)),
            message => report($"attribute '{Name(JobFields.GlobalPartitionsUri)}' of global item '{Name(source.Name)}': {message}"));
        if (path is null)
        {
            return null;
        }

        var url = Join(source.BaseUrl, path);
        if (!IsHttpUrl(url))
        {
            report($"partitions URL '{url}' is not a valid URL; check '{Name(JobFields.GlobalPartitionsUri)}' of global item '{Name(source.Name)}' and this job's {Name(JobFields.TableName)}");
            return null;
        }

        return url;
    }

    private static string? Value(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        NotValues.Contains(name) || !item.TryGetValue(name, out var value) ? null : value.S ?? value.N;

    private static IEnumerable<string> Fillable(IReadOnlyDictionary<string, AttributeValue> item) =>
        item.Where(kv => !NotValues.Contains(kv.Key) && (kv.Value.S ?? kv.Value.N) is not null).Select(kv => kv.Key);

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0;
}
