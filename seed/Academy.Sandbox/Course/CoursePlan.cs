using System.Text.Json;
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
            output.WriteLine($"course: {course.Learners.Count:N0} learners, {course.TableCount:N0} tables, {course.ItemCount:N0} items; about ${cost.MonthlyUsd:0.00####} a month for the whole course, the free tier deducted once");
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
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("roster", course.Roster.Source);
            writer.WriteString("config", selection.Source);
            writer.WriteStartArray("learners");
            foreach (var learner in selection.Learners)
            {
                var plan = new StringWriter();
                PlanPrinter.Json(learner.Catalog, selection.Source, plan);
                using var document = JsonDocument.Parse(plan.ToString());
                writer.WriteStartObject();
                writer.WriteString("name", learner.Name);
                writer.WriteStartArray("ownFields");
                foreach (var field in learner.Entry.Overrides.Keys)
                {
                    writer.WriteStringValue(field);
                }

                writer.WriteEndArray();
                writer.WritePropertyName("plan");
                document.RootElement.WriteTo(writer);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartObject("course");
            writer.WriteNumber("learners", course.Learners.Count);
            writer.WriteNumber("tables", course.TableCount);
            writer.WriteNumber("items", course.ItemCount);
            writer.WriteNumber("estimatedMonthlyCostUsd", cost.MonthlyUsd);
            writer.WriteString("estimatedCostBasis", $"{cost.Region} list prices as of {cost.PricesAsOf}; {cost.Basis}");
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
