using System.Text.Json;
using Academy.Catalog.Errors;
using Amazon.DynamoDBv2.Model;
using static Academy.Catalog.Errors.Shown;

namespace Academy.Catalog.Jobs;

/// <summary>
/// Typed view of a global item that jobs read from (the course's <c>imdb-rest-api</c>): its time
/// zone, its URL templates with the base URL resolved, and the legacy <c>jobs</c> list.
/// </summary>
public sealed record JobSource
{
    public required string Name { get; init; }

    /// <summary>IANA time zone in which the jobs' cron schedules are read.</summary>
    public required string TimeZone { get; init; }

    /// <summary>The <c>url</c> template with its placeholders filled from this item.</summary>
    public required string BaseUrl { get; init; }

    /// <summary>The <c>partitions_uri</c> template; filled per job by <see cref="JobResolver"/>.</summary>
    public required string PartitionsUri { get; init; }

    /// <summary>The job names the <c>jobs</c> attribute lists, in order (empty when it is absent).</summary>
    public required IReadOnlyList<string> Jobs { get; init; }

    /// <summary>Reads and checks a global item; throws <see cref="JobConfigException"/> naming every bad field.</summary>
    public static JobSource From(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var problems = new List<string>();
        var source = Read(item, (field, message) => problems.Add($"attribute '{field}': {message}"));
        var name = item.TryGetValue(JobFields.Name, out var key) && key.S is { } s ? s : "?";
        return source ?? throw new JobConfigException($"global item '{name}'", problems);
    }

    /// <summary>Reads and checks a global item, reporting (attribute path, message) per problem; null if any.</summary>
    public static JobSource? Read(IReadOnlyDictionary<string, AttributeValue> item, Action<string, ErrorMessage> report)
    {
        var reader = new AttributeReader(item, "", report);
        var name = reader.String(JobFields.Name);
        var tz = reader.String(JobFields.GlobalTimeZone);
        var url = reader.String(JobFields.GlobalUrl);
        var partitionsUri = reader.String(JobFields.GlobalPartitionsUri);
        var baseUrl = url is null ? null : JobResolver.BaseUrl(item, message => reader.Fail(JobFields.GlobalUrl, message));
        if (partitionsUri is not null)
        {
            UrlTemplate.Placeholders(partitionsUri, message => reader.Fail(JobFields.GlobalPartitionsUri, message));
        }

        var jobs = item.TryGetValue(JobFields.GlobalJobs, out var list)
            ? ParseJobs(list, message => reader.Fail(JobFields.GlobalJobs, message))
            : [];
        if (!reader.Ok)
        {
            return null;
        }

        return new JobSource { Name = name!, TimeZone = tz!, BaseUrl = baseUrl!, PartitionsUri = partitionsUri!, Jobs = jobs! };
    }

    /// <summary>
    /// The <c>jobs</c> attribute as the course material stores it: a string holding a JSON list of
    /// job names (the course's ETL json-decodes it). Null after reporting when it is anything else.
    /// </summary>
    public static IReadOnlyList<string>? ParseJobs(AttributeValue value, Action<ErrorMessage> report)
    {
        const string Example = "e.g. \"[\\\"title_ratings\\\",\\\"title_crew\\\"]\"";
        if (value.S is null)
        {
            report($"must be a string holding a JSON list of job names, {Words(Example)}; got {AttributeText.Of(value)}");
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(value.S);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                report($"must hold a JSON list of job names, {Words(Example)}; it holds {Words(Json.KindName(document.RootElement))}");
                return null;
            }

            var names = new List<string>();
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.String || element.GetString() is not { Length: > 0 } name)
                {
                    report($"element {index} of the JSON list is {element.GetRawText()}; every element must be a job name in quotes");
                    return null;
                }

                if (names.Contains(name, StringComparer.Ordinal))
                {
                    report($"lists '{name}' twice");
                    return null;
                }

                names.Add(name);
                index++;
            }

            return names;
        }
        catch (JsonException e)
        {
            report($"is not a valid JSON list of job names ({Json.Describe(e)}); write it as {Words(Example)}");
            return null;
        }
    }
}
