using Academy.Sandbox.Cli;
using Academy.Sandbox.Verify;
using Amazon.DynamoDBv2;

namespace Academy.Sandbox.Report;

/// <summary>A learner's drift as <see cref="VerifyRunner"/> finds it, so the report and `verify` can never disagree.</summary>
public static class VerifyDrift
{
    public static async Task<LearnerDrift> ReadAsync(IAmazonDynamoDB client, Academy.Catalog.Catalog catalog, string target, CancellationToken ct)
    {
        var report = await VerifyRunner.RunAsync(client, catalog, target, ct);
        var text = new StringWriter();
        VerifyPrinter.Text(report, Hints.None, text);

        // The listing without verify's heading and closing line, which the report says its own way.
        var lines = text.ToString().Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        var tables = report.Tables.Select(t => new TableDrift(
            t.Key, t.Name, t.Exists, t.Declared, t.Live,
            t.Matching + t.Items.Count(i => i.State == ItemState.Differs),
            t.Exists ? t.Items.Count(i => i.State == ItemState.Missing) : t.Declared,
            t.Items.Count(i => i.State == ItemState.Differs),
            t.Items.Count(i => i.State == ItemState.Extra),
            t.Settings)).ToList();
        return new LearnerDrift(tables, report.Drift, lines.Count > 2 ? lines[1..^1] : []);
    }
}
