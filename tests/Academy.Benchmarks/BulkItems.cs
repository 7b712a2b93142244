using System.Globalization;
using System.Text;

namespace Academy.Benchmarks;

/// <summary>A seed file of N plain-JSON items of about 100 bytes each (strings, numbers, a list, a map, null).</summary>
internal static class BulkItems
{
    public static string Json(int count)
    {
        var json = new StringBuilder("[\n");
        for (var i = 0; i < count; i++)
        {
            json.Append(CultureInfo.InvariantCulture, $$$"""
                {"name": "bulk-{{{i:D6}}}", "index": {{{i}}}, "ratio": {{{i}}}.25, "port": "", "tags": ["t{{{i % 7}}}", "bulk"], "nested": {"even": {{{(i % 2 == 0 ? "true" : "false")}}}, "none": null}}{{{(i + 1 < count ? "," : "")}}}

                """);
        }

        return json.Append("]\n").ToString();
    }
}
