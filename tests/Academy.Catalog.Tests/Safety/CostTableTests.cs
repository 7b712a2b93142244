using System.Globalization;
using Academy.Catalog.Cost;
using Academy.Catalog.Tests.Support;

namespace Academy.Catalog.Tests.Safety;

/// <summary>docs/safety.md's cost table is the estimator's output for the seed catalog, not numbers typed in.</summary>
public class CostTableTests
{
    private const int CourseSize = 100;

    public static IReadOnlyList<string> Rows()
    {
        var rows = new List<string>();
        foreach (var (label, mode) in new[] { ("PROVISIONED 1/1", "PROVISIONED"), ("PAY_PER_REQUEST", "PAY_PER_REQUEST") })
        {
            var catalog = TestProject.Build(config: new() { ["billingMode"] = mode });
            var learner = CostEstimator.Estimate(catalog.Tables, catalog.Items).MonthlyUsd;
            var course = CostEstimator.EstimateCourse(catalog.Tables, catalog.Items, CourseSize, applyFreeTier: false).MonthlyUsd;
            var courseFree = CostEstimator.EstimateCourse(catalog.Tables, catalog.Items, CourseSize, applyFreeTier: true).MonthlyUsd;
            rows.Add($"| {label} | {Usd(learner)} | {Usd(course)} | {Usd(courseFree)} |");
        }

        return rows;
    }

    [Test]
    public void TheDocsCostTableIsTheEstimatorsOutput()
    {
        var doc = File.ReadAllText(TestProject.Repo.Resolve("docs/safety.md"));
        var rows = Rows();
        TestContext.Out.WriteLine(string.Join(Environment.NewLine, rows));
        foreach (var mode in new[] { "PROVISIONED", "PAY_PER_REQUEST" })
        {
            var catalog = TestProject.Build(config: new() { ["billingMode"] = mode });
            TestContext.Out.WriteLine(CostEstimator.Estimate(catalog.Tables, catalog.Items));
            TestContext.Out.WriteLine(CostEstimator.EstimateCourse(catalog.Tables, catalog.Items, CourseSize, applyFreeTier: true));
        }

        Assert.That(rows, Has.All.Matches<string>(r => doc.Contains(r, StringComparison.Ordinal)),
            $"docs/safety.md's cost table is out of date; the estimator now gives:{Environment.NewLine}{string.Join(Environment.NewLine, rows)}");
    }

    // Cents for dollar figures, three significant digits below a dollar: precise enough to compare
    // the modes, coarse enough that a few bytes more in a seed item do not change the docs.
    private static string Usd(decimal value)
    {
        var decimals = value >= 1m || value == 0m ? 2 : 2 - (int)Math.Floor(Math.Log10((double)value));
        return "$" + Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
