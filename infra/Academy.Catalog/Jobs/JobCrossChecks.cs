using Academy.Catalog.Errors;
using Academy.Catalog.Items;
using static Academy.Catalog.Errors.Shown;

namespace Academy.Catalog.Jobs;

/// <summary>
/// Checks of the jobs table against the global table: every jobs item is well formed, every listed
/// job exists, every job is listed (or disabled), every source exists, every URL can be resolved.
/// A problem that reads a secret item (on either side) is reported as secret, so none of its values
/// are printed; item keys and attribute names stay visible.
/// </summary>
internal static class JobCrossChecks
{
    public static void Run(Catalog catalog, ErrorList errors)
    {
        if (!catalog.Tables.Any(t => t.Key == JobFields.JobsTable) || !catalog.Tables.Any(t => t.Key == JobFields.GlobalTable))
        {
            return;
        }

        // An item that failed to parse is missing from the catalog, so references to it would only
        // repeat that failure; references are checked once everything parses.
        var checkReferences = !errors.Any;
        var globals = catalog.ItemsOf(JobFields.GlobalTable).ToList();
        var jobs = catalog.ItemsOf(JobFields.JobsTable)
            .Select(j => (Item: j, Config: JobConfig.Read(j.Attributes, Reporter(errors, j))))
            .ToList();

        var referenced = jobs.Select(j => RawSource(j.Item)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var sources = globals
            .Where(g => IsSource(g, referenced))
            .Select(g => (Item: g, Source: JobSource.Read(g.Attributes, SourceReporter(errors, g, jobs.Select(j => j.Item))), Listed: Listed(g)))
            .ToList();
        if (!checkReferences)
        {
            return;
        }

        var jobsFile = $"{catalog.Settings.SeedDir}/{SeedFiles.ItemsFolder}/{JobFields.JobsTable}.json";
        foreach (var (global, _, _) in sources.Where(s => !s.Item.Attributes.ContainsKey(JobFields.GlobalJobs)))
        {
            var enabled = jobs.Where(j => RawSource(j.Item) == global.HashKeyValue && !IsDisabled(j.Item)).Select(j => j.Item).ToList();
            if (enabled.Count > 0)
            {
                errors.Add(global.Source, global.HashKeyValue,
                    $"attribute '{Name(JobFields.GlobalJobs)}': is missing, but jobs {Names(enabled.Select(j => j.HashKeyValue))} name this item as their {Name(JobFields.Source)}; "
                    + $"list them as a string holding a JSON list, e.g. \"[\\\"{Name(enabled[0].HashKeyValue)}\\\"]\", or set their {Name(JobFields.Enabled)} to false",
                    Secret(global, enabled));
            }
        }

        foreach (var (global, _, listed) in sources.Where(s => s.Listed is not null))
        {
            CheckListed(global, listed!, jobs.Select(j => j.Item).ToList(), jobsFile, errors);
        }

        var unfilled = new Dictionary<(CatalogItem Global, string Message), (ErrorMessage Message, List<CatalogItem> Jobs)>();
        foreach (var (job, config) in jobs)
        {
            if (RawSource(job) is not { } sourceName)
            {
                continue;
            }

            var found = sources.FirstOrDefault(s => s.Item.HashKeyValue == sourceName);
            if (found.Item is null)
            {
                errors.Add(job.Source, job.HashKeyValue,
                    $"attribute '{Name(JobFields.Source)}': names global item '{sourceName}', which does not exist; global items are {Keys(globals)}",
                    job.Secret);
                continue;
            }

            if (found.Listed is { } listed && !listed.Contains(job.HashKeyValue, StringComparer.Ordinal) && !IsDisabled(job))
            {
                errors.Add(job.Source, job.HashKeyValue,
                    $"is not listed in attribute '{Name(JobFields.GlobalJobs)}' of global item '{Name(found.Item.HashKeyValue)}' ({Name(found.Item.Source)}), so the ETL never runs it; "
                    + $"add \"{Name(job.HashKeyValue)}\" to that list, or set attribute '{Name(JobFields.Enabled)}' to false to keep it unlisted",
                    Secret(found.Item, [job]));
            }

            if (config is not null && found.Source is { } source)
            {
                JobResolver.PartitionsUrl(source, found.Item.Attributes, job.Attributes, message =>
                {
                    var key = (found.Item, message.ToString());
                    if (!unfilled.TryGetValue(key, out var entry))
                    {
                        unfilled[key] = entry = (message, []);
                    }

                    entry.Jobs.Add(job);
                });
            }
        }

        foreach (var ((global, _), (message, names)) in unfilled)
        {
            errors.Add(global.Source, global.HashKeyValue,
                $"{message} (for job{Words(names.Count == 1 ? "" : "s")} {Names(names.Select(j => j.HashKeyValue))})",
                Secret(global, names));
        }
    }

    private static void CheckListed(CatalogItem global, IReadOnlyList<string> listed, IReadOnlyList<CatalogItem> jobs, string jobsFile, ErrorList errors)
    {
        foreach (var name in listed)
        {
            var job = jobs.FirstOrDefault(j => j.HashKeyValue == name);
            if (job is null)
            {
                errors.Add(global.Source, global.HashKeyValue,
                    $"attribute '{Name(JobFields.GlobalJobs)}': lists '{name}', but the jobs table has no item with {Name(JobFields.Name)} '{name}'; "
                    + $"add one to {Name(jobsFile)} (or config academy:items.jobs), or remove '{name}' from the list",
                    global.Secret);
            }
            else if (RawSource(job) is { } other && other != global.HashKeyValue)
            {
                errors.Add(global.Source, global.HashKeyValue,
                    $"attribute '{Name(JobFields.GlobalJobs)}': lists '{name}', but that job's {Name(JobFields.Source)} is '{other}' ({Name(job.Source)}); "
                    + $"list it in '{other}' instead, or set its {Name(JobFields.Source)} to '{Name(global.HashKeyValue)}'",
                    Secret(global, [job]));
            }
        }
    }

    // A global item takes part when it looks like a job source or a job names it; other global
    // items (settings a learner adds for something else) are left alone.
    private static bool IsSource(CatalogItem global, HashSet<string> referenced) =>
        referenced.Contains(global.HashKeyValue)
        || global.Attributes.ContainsKey(JobFields.GlobalJobs)
        || global.Attributes.ContainsKey(JobFields.GlobalUrl)
        || global.Attributes.ContainsKey(JobFields.GlobalPartitionsUri);

    // The jobs list on its own, so listing is checked even when another field of the item is bad;
    // JobSource.Read has already reported a malformed list, so this read stays quiet.
    // A missing list is reported once for the item, not once per job, so it reads as null here too.
    private static IReadOnlyList<string>? Listed(CatalogItem global) =>
        global.Attributes.TryGetValue(JobFields.GlobalJobs, out var value) ? JobSource.ParseJobs(value, _ => { }) : null;

    private static string? RawSource(CatalogItem job) =>
        job.Attributes.TryGetValue(JobFields.Source, out var value) && value.S is { Length: > 0 } s ? s : null;

    private static bool IsDisabled(CatalogItem job) =>
        job.Attributes.TryGetValue(JobFields.Enabled, out var value) && value.BOOL == false;

    private static ShownText Keys(IEnumerable<CatalogItem> items)
    {
        var names = items.Select(i => $"'{i.HashKeyValue}'").ToList();
        return names.Count == 0 ? Words("none") : Names(names);
    }

    // A problem that reads a secret item quotes none of the values involved, whichever side they are on.
    private static bool Secret(CatalogItem item, IEnumerable<CatalogItem> others) => item.Secret || others.Any(o => o.Secret);

    // An item checked only because jobs name it (say, replaced in config by one without URLs) says which jobs, so the learner sees why.
    private static Action<string, ErrorMessage> SourceReporter(ErrorList errors, CatalogItem global, IEnumerable<CatalogItem> jobs)
    {
        var readers = jobs.Where(j => RawSource(j) == global.HashKeyValue).ToList();
        var why = readers.Count == 0 || IsSource(global, []) ? "" : $" (jobs {string.Join(", ", readers.Select(j => j.HashKeyValue))} read their URLs from this item)";
        return (field, message) => errors.Add(global.Source, global.HashKeyValue, $"attribute '{Name(field)}': {message}{Name(why)}", Secret(global, readers));
    }

    private static Action<string, ErrorMessage> Reporter(ErrorList errors, CatalogItem item) =>
        (field, message) => errors.Add(item.Source, item.HashKeyValue, $"attribute '{Name(field)}': {message}", item.Secret);
}
