using Academy.Catalog.Errors;
using Academy.Sandbox.Cli;

namespace Academy.Sandbox.Show;

/// <summary>`show` output: a readable table, or JSON for scripts; values as plain JSON, as a seed file writes them.</summary>
public static class ShowPrinter
{
    public static void Text(EtlView view, Hints hints, TextWriter output)
    {
        output.WriteLine($"What the ETL sees for learner {view.User} at {view.Target}");
        if (view.Sources.Count == 0)
        {
            output.WriteLine($"  ! {view.GlobalTable} holds no items, so the ETL has no settings to start from; "
                + view.GlobalWriter switch
                {
                    GlobalWriter.PulumiOnly => "the catalog's come from secret config, which only `pulumi up` writes",
                    GlobalWriter.None => "the catalog declares none either (seed/items/global.json, academy:items)",
                    _ => $"{hints.Command("up")} writes the catalog's",
                });
        }

        // Every job source in full; other global items (a bulk of test data, say) capped like any long listing.
        var others = view.Sources.Where(s => !s.IsSource).ToList();
        var (shownOthers, more) = Listing.Cap(others, _ => "global item(s) no job reads");
        foreach (var source in view.Sources.Where(s => s.IsSource || shownOthers.Contains(s)))
        {
            output.WriteLine();
            var kind = source.IsSource ? "Global settings" : "Global item";
            var note = source.Secret ? " [secret: values masked]" : source.IsSource ? "" : " [no job reads it: not a job source]";
            // Names read from the table are escaped: a line feed or control in one must not split or steer the listing.
            output.WriteLine($"{kind}: {Excerpt.Escape(source.Name)} ({view.GlobalTable}){note}");
            var width = Math.Max(8, source.Settings.Select(s => Excerpt.Escape(s.Key).Length).DefaultIfEmpty(0).Max());
            foreach (var (key, value) in source.Settings)
            {
                output.WriteLine($"  {Excerpt.Escape(key).PadRight(width)}  {Excerpt.Value(PlainValue.Text(value))}");
            }

            if (source.Secret || !source.IsSource)
            {
                continue;
            }

            output.WriteLine($"  {"base URL".PadRight(width)}  {(source.BaseUrl is { } baseUrl ? Excerpt.Escape(baseUrl) : "(cannot be resolved)")}");
            foreach (var problem in source.Problems)
            {
                output.WriteLine($"  ! {problem}");
            }

            output.WriteLine();
            output.WriteLine($"Jobs of {Excerpt.Escape(source.Name)} ({source.Jobs.Count:N0}, from {view.JobsTable})");
            if (source.Jobs.Count == 0)
            {
                continue;
            }

            var nameWidth = Math.Max(3, source.Jobs.Max(j => Excerpt.Escape(j.Name).Length));
            var tableWidth = Math.Max(10, source.Jobs.Max(j => Excerpt.Escape(j.TableName).Length));
            output.WriteLine($"  {"JOB".PadRight(nameWidth)}  {"TABLE_NAME".PadRight(tableWidth)}  ENABLED  PARTITIONS URL");
            foreach (var job in source.Jobs)
            {
                var enabled = job.Enabled switch { true => "yes", false => "no", null => "-" };
                var url = job.Secret ? "[secret: values masked]"
                    : job.PartitionsUrl ?? (source.BaseUrl is null ? "(cannot be resolved: see the global item above)" : "(cannot be resolved)");
                output.WriteLine($"  {Excerpt.Escape(job.Name).PadRight(nameWidth)}  {Excerpt.Escape(job.TableName).PadRight(tableWidth)}  {enabled,-7}  {Excerpt.Escape(url)}");
                foreach (var problem in job.Problems)
                {
                    output.WriteLine($"  {"".PadRight(nameWidth)}  ! {problem}");
                }
            }
        }

        if (more is not null)
        {
            output.WriteLine();
            output.WriteLine(more);
        }

        if (view.ProblemCount > 0)
        {
            output.WriteLine();
            output.WriteLine($"{view.ProblemCount:N0} problem(s), each marked ! above; the ETL would stop there. {hints.Command("verify")} compares the tables with the catalog");
        }
    }

    public static void Json(EtlView view, TextWriter output) => JsonOutput.Write(output, Document(view));

    /// <summary>The `show --json` document of one learner, also embedded per learner in the course's.</summary>
    public static object Document(EtlView view) => new
    {
        view.User,
        view.Target,
        view.GlobalTable,
        view.JobsTable,
        view.ProblemCount,
        Sources = view.Sources.Select(s => new
        {
            s.Name,
            s.Secret,
            s.IsSource,
            Settings = s.Settings.ToDictionary(kv => kv.Key, kv => new PlainValue(kv.Value)),
            s.BaseUrl,
            s.Problems,
            s.Jobs,
        }),
    };
}
