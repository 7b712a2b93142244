using System.Text;
using static System.Net.WebUtility;

namespace Academy.Sandbox.Report;

/// <summary>
/// The report as one self-contained HTML page an instructor opens from disk: inline CSS and SVG, no
/// script, nothing fetched. Every value is HTML-encoded (learners write their own tables, so item
/// keys are hostile text), and the page's Content-Security-Policy refuses scripts and requests anyway.
/// </summary>
public static class ReportHtml
{
    // A learner's listing up to this many lines is shown unfolded.
    private const int OpenLines = 20;

    private const string Style = """
        :root { color-scheme: light; --ok: #2e7d32; --warn: #b26a00; --bad: #c62828; --live: #3b6fd4; --muted: #5f6368; }
        body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #202124; background: #f6f7f9; }
        header { background: #1f2a44; color: #fff; padding: 20px 32px 16px; }
        header h1 { margin: 0 0 4px; font-size: 24px; }
        header .meta { margin: 0 0 14px; color: #c9d1e3; font-size: 13px; }
        header code { color: #fff; }
        .totals { display: flex; flex-wrap: wrap; gap: 10px; }
        .card { background: rgba(255,255,255,.1); border-radius: 8px; padding: 8px 14px; min-width: 92px; }
        .card .n { display: block; font-size: 22px; font-weight: 600; }
        .card .l { font-size: 12px; color: #c9d1e3; }
        .card.in-step .n { color: #8fd694; } .card.drifted .n { color: #ffc46b; } .card.failed .n { color: #ff8a80; }
        .basis { font-size: 12px; color: #c9d1e3; margin: 12px 0 0; max-width: 1100px; }
        main { padding: 8px 32px 32px; }
        section { background: #fff; border-radius: 8px; box-shadow: 0 1px 2px rgba(0,0,0,.08); padding: 12px 20px 16px; margin-top: 18px; }
        h2 { font-size: 17px; margin: 4px 0 10px; }
        table { border-collapse: collapse; width: 100%; }
        th, td { padding: 6px 10px; border-bottom: 1px solid #e3e5e8; text-align: right; white-space: nowrap; }
        th { font-size: 12px; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
        th:nth-child(-n+2), td:nth-child(-n+2) { text-align: left; }
        td.name { font-weight: 600; white-space: normal; word-break: break-all; }
        td.error { text-align: left; white-space: normal; color: var(--bad); }
        .status { display: inline-block; border-radius: 10px; padding: 1px 9px; font-size: 13px; color: #fff; }
        .status.in-step { background: var(--ok); } .status.drifted, .status.no-tables { background: var(--warn); }
        .status.failed, .status.unreachable { background: var(--bad); }
        td.nonzero { color: var(--bad); font-weight: 600; }
        .chart text { font: 12px system-ui, sans-serif; fill: #202124; }
        .chart .caption { fill: var(--muted); }
        .chart .live { fill: var(--live); } .chart .declared { fill: #dfe6f5; } .chart .drift { fill: var(--bad); }
        .chart text.failed { fill: var(--bad); font-weight: 600; }
        details { margin: 6px 0; } summary { cursor: pointer; font-weight: 600; }
        pre { background: #f1f3f4; padding: 10px; border-radius: 6px; overflow-x: auto; white-space: pre-wrap; word-break: break-all; font-size: 12px; }
        footer { color: var(--muted); font-size: 12px; padding: 0 32px 24px; }
        """;

    /// <summary>Marks a page as this tool's, in its first line of head, so `--html` replaces only its own pages.</summary>
    public const string Generator = "<meta name=\"generator\" content=\"academy-sandbox report\">";

    /// <summary>
    /// True when <paramref name="file"/> (a regular file) is a page this command wrote: only such a file
    /// is replaced, so a mistyped `--html seed/items/global.json` cannot turn a seed file into a page.
    /// </summary>
    public static bool IsReport(string file)
    {
        var head = new byte[1024];
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return Encoding.UTF8.GetString(head, 0, read).Contains(Generator, StringComparison.Ordinal);
    }

    public static string Page(CourseReport report)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n").Append(Generator).Append('\n');
        html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append($"<title>Course report: {E(report.Roster)}</title>\n<style>\n{Style}\n</style>\n</head>\n<body>\n");
        Header(report, html);
        html.Append("<main>\n<section>\n<h2>Items and differences per learner</h2>\n").Append(ReportChart.Svg(report)).Append("\n</section>\n");
        Learners(report, html);
        Differences(report, html);
        html.Append("</main>\n<footer>Written by academy-sandbox report. Costs are estimates at list prices, not a bill; ");
        html.Append("<code>academy-sandbox verify</code> with the same roster and <code>--learner NAME</code> lists a learner's differences, <code>up</code> writes what is missing or different.</footer>\n");
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Header(CourseReport report, StringBuilder html)
    {
        html.Append("<header>\n<h1>Course report</h1>\n");
        html.Append($"<p class=\"meta\">Roster <code>{E(report.Roster)}</code> at {E(report.Target)}, generated {E(report.Generated.ToString("yyyy-MM-dd HH:mm 'UTC'"))}; {E(report.Config)}</p>\n");
        html.Append("<div class=\"totals\">\n");
        Card(html, "", ReportWords.Count(report.Learners.Count), report.Learners.Count == report.CourseLearners ? "learners" : $"of {ReportWords.Count(report.CourseLearners)} learners");
        var totals = report.Totals;
        Card(html, "in-step", ReportWords.Count(report.InStep), "in step");
        Card(html, "drifted", ReportWords.Count(report.Drifted), "drifted");
        Card(html, "drifted", ReportWords.Count(report.NoTables), "without tables");
        Card(html, "failed", ReportWords.Count(report.Failed), "failed");
        Card(html, "", ReportWords.OfDeclared(totals.TablesPresent, totals.TablesDeclared), "tables present/declared");
        Card(html, "", ReportWords.OfDeclared(totals.ItemsPresent, totals.ItemsDeclared), "items present/declared");
        Card(html, "", ReportWords.Count(totals.Differences), "differences");
        if (report is { CourseMonthlyUsd: { } course, FreeTierUsd: { } free })
        {
            Card(html, "", ReportWords.Usd(totals.MonthlyUsd), "a month, learners' own tables");
            Card(html, "", ReportWords.Usd(free), "less the free tier, once");
            Card(html, "", ReportWords.Usd(course), "a month, whole course");
        }

        html.Append("</div>\n");
        html.Append($"<p class=\"basis\">{E(ReportWords.DifferencesAre)}. {E(report.Cost is { } c ? "Estimate: " + c.Basis : ReportWords.CourseCost(report))}</p>\n</header>\n");
    }

    private static void Card(StringBuilder html, string kind, string value, string label) =>
        html.Append($"<div class=\"card {kind}\"><span class=\"n\">{E(value)}</span><span class=\"l\">{E(label)}</span></div>\n");

    private static void Learners(CourseReport report, StringBuilder html)
    {
        html.Append("<section>\n<h2>Learners</h2>\n<table>\n<thead><tr><th>Learner</th><th>Status</th><th>Tables</th><th>Items present/declared</th>");
        html.Append("<th>Missing</th><th>Differs</th><th>Extra</th><th>Settings</th><th>Differences</th><th>Own tables $/month</th></tr></thead>\n<tbody>\n");
        foreach (var learner in report.Learners)
        {
            var token = ReportWords.Token(learner.State);
            html.Append($"<tr class=\"{token}\"><td class=\"name\">{E(learner.Name)}</td><td><span class=\"status {token}\">{E(ReportWords.State(learner.State))}</span></td>");
            var n = learner.Counts;
            if (learner.Drift is not null)
            {
                html.Append($"<td>{E(ReportWords.OfDeclared(n.TablesPresent, n.TablesDeclared))}</td><td>{E(ReportWords.OfDeclared(n.ItemsPresent, n.ItemsDeclared))}</td>");
                foreach (var count in new[] { n.Missing, n.Differs, n.Extra, n.Settings, n.Differences })
                {
                    html.Append($"<td{(count > 0 ? " class=\"nonzero\"" : "")}>{E(ReportWords.Count(count))}</td>");
                }
            }
            else
            {
                html.Append($"<td colspan=\"7\" class=\"error\">{E(learner.Error ?? "")}</td>");
            }

            html.Append($"<td>{E(ReportWords.Usd(n.MonthlyUsd))}</td>");
            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    // Verify's own listing for each learner who drifted, folded so a long list does not bury the table.
    private static void Differences(CourseReport report, StringBuilder html)
    {
        var drifted = report.Learners.Where(l => l.Drift is { Total: > 0 }).ToList();
        if (drifted.Count == 0)
        {
            return;
        }

        html.Append("<section>\n<h2>Differences</h2>\n");
        foreach (var learner in drifted)
        {
            var drift = learner.Drift!;
            html.Append($"<details{(drift.Lines.Count <= OpenLines ? " open" : "")}><summary>{E(learner.Name)}: {E(ReportWords.Count(learner.Counts.Differences))} difference(s)</summary>\n<pre>");
            html.Append(E(string.Join('\n', drift.Lines)));
            html.Append("</pre></details>\n");
        }

        html.Append("</section>\n");
    }

    // Bidi overrides and controls from live data would reorder or hide the page's text as they would a
    // terminal's: escaped the same way (\u202E), line feeds kept for the <pre> blocks.
    private static string E(string text) => HtmlEncode(Academy.Catalog.Errors.Excerpt.Escape(text, keepLineFeeds: true));
}
