using Academy.Sandbox.Cli;

namespace Academy.Sandbox.Report;

/// <summary>The report as a table for a terminal: one row per learner in roster order, then the course.</summary>
public static class ReportText
{
    private static readonly string[] Headings = ["learner", "status", "tables", "items", "missing", "differs", "extra", "settings", "differences", "$/month*"];

    /// <param name="hints">Carries the --roster, --learner, --stack and engine options given, so the suggested commands run as printed.</param>
    public static void Write(CourseReport report, Hints hints, TextWriter output)
    {
        output.WriteLine($"report: {report.Learners.Count} learner(s) at {report.Target} ({report.Config})");
        var rows = report.Learners.Select(Row).ToList();
        var widths = Headings.Select((h, c) => rows.Where(r => r.Cells.Length > c).Select(r => r.Cells[c].Length).Append(h.Length).Max()).ToArray();
        output.WriteLine(Line(Headings, widths));
        foreach (var (cells, error) in rows)
        {
            output.WriteLine(error is null ? Line(cells, widths) : $"{Line(cells, widths)}  {error}");
        }

        output.WriteLine($"course: {ReportWords.Totals(report)}");
        output.WriteLine($"cost: {ReportWords.CourseCost(report)}");
        if (report.Cost is { } cost)
        {
            output.WriteLine($"  estimate: {cost.Basis}");
        }

        output.WriteLine($"columns: tables and items present/declared; {ReportWords.DifferencesAre}; $/month* is each learner's own tables alone, before the free tier");
        if (report.Learners.FirstOrDefault(l => l.Counts.Differences > 0) is { } drifted)
        {
            output.WriteLine($"next: {hints.ForLearner(drifted.Name).Command("verify")} lists {drifted.Name}'s differences; {hints.Command("up")} writes what is missing or different");
        }
    }

    // Text columns left-aligned, numbers right-aligned; a learner that could not be read has no
    // counts (none go into the course's), only its cost, which the course's sum includes.
    private static (string[] Cells, string? Error) Row(LearnerReport learner)
    {
        var n = learner.Counts;
        var head = new[] { learner.Name, ReportWords.State(learner.State) };
        if (learner.Drift is null)
        {
            return ([.. head, "", "", "", "", "", "", "", ReportWords.Usd(n.MonthlyUsd)], learner.Error);
        }

        return ([.. head,
            ReportWords.OfDeclared(n.TablesPresent, n.TablesDeclared),
            ReportWords.OfDeclared(n.ItemsPresent, n.ItemsDeclared),
            ReportWords.Count(n.Missing),
            ReportWords.Count(n.Differs),
            ReportWords.Count(n.Extra),
            ReportWords.Count(n.Settings),
            ReportWords.Count(n.Differences),
            ReportWords.Usd(n.MonthlyUsd)], null);
    }

    private static string Line(string[] cells, int[] widths) =>
        "  " + string.Join("  ", cells.Select((cell, c) => c < 2 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd();
}
