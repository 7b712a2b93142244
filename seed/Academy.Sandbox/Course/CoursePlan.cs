using Academy.Catalog.Roster;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Plan;

namespace Academy.Sandbox.Course;

/// <summary>`plan` over a roster: each learner's tables and items, and the course's totals and cost. No network.</summary>
public static class CoursePlan
{
    public static async Task<int> RunAsync(CourseSelection selection, bool json, TextWriter output, CancellationToken ct)
    {
        if (json)
        {
            Json(selection, output);
            return ExitCodes.Ok;
        }

        output.WriteLine($"plan: {selection.Describe} ({selection.Source})");
        var runner = new CourseRunner(selection, output, target: null);
        var outcomes = await runner.RunAsync(parallel: 1, (learner, details, _) =>
        {
            PlanPrinter.Text(learner.Catalog, selection.Source, details);
            return Task.FromResult((LearnerStatus.Ok, Summary(learner)));
        }, ct);

        var course = selection.Course;
        if (!selection.OneLearner)
        {
            var cost = course.Cost;
            output.WriteLine($"course: {course.Learners.Count:N0} learners, {course.TableCount:N0} tables, {course.ItemCount:N0} items; about {Report.ReportWords.Usd(cost.MonthlyUsd)} a month for the whole course, the free tier deducted once");
            output.WriteLine($"  estimate: {cost.Basis}");
        }

        return CourseRunner.ExitCode(outcomes);
    }

    private static string Summary(LearnerCatalog learner)
    {
        var own = learner.Entry.Overrides.Keys.ToList();
        return $"{string.Join(", ", learner.Catalog.Tables.Select(t => t.Name))}: {learner.Catalog.Items.Count:N0} items"
            + (own.Count > 0 ? $" (own {string.Join(", ", own)})" : "");
    }

    // One document: each learner's plan as the learner command prints it, and the course totals.
    private static void Json(CourseSelection selection, TextWriter output)
    {
        var course = selection.Course;
        var cost = course.Cost;
        JsonOutput.Write(output, new
        {
            Roster = course.Roster.Source,
            Config = selection.Source,
            Learners = selection.Learners.Select(learner => new
            {
                learner.Name,
                OwnFields = learner.Entry.Overrides.Keys,
                Plan = PlanDocument.Of(learner.Catalog, selection.Source),
            }),
            Course = new
            {
                Learners = course.Learners.Count,
                Tables = course.TableCount,
                Items = course.ItemCount,
                EstimatedMonthlyCostUsd = cost.MonthlyUsd,
                EstimatedCostBasis = $"{cost.Region} list prices as of {cost.PricesAsOf}; {cost.Basis}",
            },
        });
    }
}
