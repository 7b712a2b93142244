using System.Globalization;
using System.Text;
using static System.Net.WebUtility;

namespace Academy.Sandbox.Report;

/// <summary>An inline SVG bar chart: per learner, items live against declared, and differences.</summary>
public static class ReportChart
{
    private const int LabelWidth = 190;
    private const int BarWidth = 420;
    private const int RowHeight = 36;
    private const int Top = 28;
    private const int LabelLength = 24;

    public static string Svg(CourseReport report)
    {
        var learners = report.Learners;
        var scale = Math.Max(1, learners.Max(l => Math.Max(l.ItemsDeclared, l.Counts.Differences)));
        var width = LabelWidth + BarWidth + 130;
        var height = Top + (learners.Count * RowHeight) + 8;
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"chart-title\">"));
        svg.Append("<title id=\"chart-title\">Items live against declared, and differences, per learner</title>");
        svg.Append(Invariant($"<rect x=\"{LabelWidth}\" y=\"6\" width=\"12\" height=\"10\" class=\"live\"/><text x=\"{LabelWidth + 16}\" y=\"15\">present</text>"));
        svg.Append(Invariant($"<rect x=\"{LabelWidth + 100}\" y=\"6\" width=\"12\" height=\"10\" class=\"declared\"/><text x=\"{LabelWidth + 116}\" y=\"15\">declared</text>"));
        svg.Append(Invariant($"<rect x=\"{LabelWidth + 200}\" y=\"6\" width=\"12\" height=\"10\" class=\"drift\"/><text x=\"{LabelWidth + 216}\" y=\"15\">differences</text>"));
        for (var i = 0; i < learners.Count; i++)
        {
            var learner = learners[i];
            var y = Top + (i * RowHeight);
            var label = learner.Name.Length > LabelLength ? learner.Name[..(LabelLength - 1)] + "\u2026" : learner.Name;
            svg.Append(Invariant($"<g class=\"row {ReportWords.Token(learner.State)}\"><title>{HtmlEncode(learner.Name)}: {HtmlEncode(ReportWords.State(learner.State))}</title>"));
            svg.Append(Invariant($"<text x=\"{LabelWidth - 8}\" y=\"{y + 16}\" text-anchor=\"end\">{HtmlEncode(label)}</text>"));
            if (learner.Drift is not null)
            {
                var n = learner.Counts;
                Bar(svg, "declared", y + 4, n.ItemsDeclared, scale, null);
                Bar(svg, "live", y + 4, n.ItemsPresent, scale, $"{ReportWords.OfDeclared(n.ItemsPresent, n.ItemsDeclared)} items");
                Bar(svg, "drift", y + 20, n.Differences, scale, $"{ReportWords.Count(n.Differences)} difference(s)");
            }
            else
            {
                svg.Append(Invariant($"<text x=\"{LabelWidth}\" y=\"{y + 16}\" class=\"failed\">{HtmlEncode(ReportWords.State(learner.State))}</text>"));
            }

            svg.Append("</g>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    // A bar of at least a sliver for any non-zero value, so one item among thousands still shows.
    private static void Bar(StringBuilder svg, string kind, int y, int value, int scale, string? caption)
    {
        var length = value == 0 ? 0 : Math.Max(2, (int)Math.Round((double)value / scale * BarWidth));
        var height = kind == "drift" ? 10 : 12;
        svg.Append(Invariant($"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{length}\" height=\"{height}\" class=\"{kind}\"/>"));
        if (caption is not null)
        {
            var x = LabelWidth + (kind == "live" ? BarWidth : length) + 6;
            svg.Append(Invariant($"<text x=\"{x}\" y=\"{y + height - 1}\" class=\"caption\">{HtmlEncode(caption)}</text>"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
