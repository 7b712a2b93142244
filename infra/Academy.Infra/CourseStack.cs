using System.Collections.Immutable;
using System.Text.Json;
using Academy.Catalog.Errors;
using Academy.Catalog.Roster;
using Academy.Catalog.Settings;
using Pulumi;

namespace Academy.Infra;

/// <summary>
/// A course stack: the roster academy:roster names, validated as a whole before anything is
/// declared, then one <see cref="LearnerTables"/> per learner, named by the learner, so reordering
/// the roster changes nothing and adding or removing a learner adds or removes only their resources.
/// </summary>
public sealed class CourseStack : Stack
{
    public CourseStack()
    {
        var course = LoadCourse();
        var components = course.Learners.ToDictionary(
            l => l.Name, l => new LearnerTables(l.Name, l.Catalog, prefixChildren: true), StringComparer.Ordinal);
        Learners = components;

        LearnerTableNames = ByLearner(components, c => c.TableNames);
        LearnerTableArns = ByLearner(components, c => c.TableArns);
        LearnerItemCounts = Output.Create(course.Learners.ToImmutableDictionary(
            l => l.Name,
            l => l.Catalog.Tables.ToImmutableDictionary(t => t.Key, t => l.Catalog.ItemsOf(t.Key).Count(), StringComparer.Ordinal),
            StringComparer.Ordinal));
        LearnerReadPolicyDocuments = ByLearner(components, c => c.ReadPolicyDocument);
        LearnerWritePolicyDocuments = ByLearner(components, c => c.WritePolicyDocument);

        LearnerCount = Output.Create(course.Learners.Count);
        TableCount = Output.Create(course.TableCount);
        ItemCount = Output.Create(course.ItemCount);
        var cost = course.Cost;
        EstimatedMonthlyCostUsd = Output.Create((double)cost.MonthlyUsd); // Pulumi serializes double but not decimal
        EstimatedCostBasis = Output.Create($"{cost.Region} list prices as of {cost.PricesAsOf}; {cost.Basis}");
    }

    /// <summary>The components by learner name.</summary>
    public IReadOnlyDictionary<string, LearnerTables> Learners { get; }

    /// <summary>Per learner: table name by table key.</summary>
    [Output("learnerTableNames")]
    public Output<ImmutableDictionary<string, ImmutableDictionary<string, string>>> LearnerTableNames { get; private set; }

    /// <summary>Per learner: table ARN by table key.</summary>
    [Output("learnerTableArns")]
    public Output<ImmutableDictionary<string, ImmutableDictionary<string, string>>> LearnerTableArns { get; private set; }

    /// <summary>Per learner: number of declared items by table key.</summary>
    [Output("learnerItemCounts")]
    public Output<ImmutableDictionary<string, ImmutableDictionary<string, int>>> LearnerItemCounts { get; private set; }

    /// <summary>Per learner: IAM policy JSON for their ETL (read only).</summary>
    [Output("learnerReadPolicyDocuments")]
    public Output<ImmutableDictionary<string, string>> LearnerReadPolicyDocuments { get; private set; }

    /// <summary>Per learner: IAM policy JSON for the tools that write their configuration items.</summary>
    [Output("learnerWritePolicyDocuments")]
    public Output<ImmutableDictionary<string, string>> LearnerWritePolicyDocuments { get; private set; }

    [Output("learnerCount")]
    public Output<int> LearnerCount { get; private set; }

    [Output("tableCount")]
    public Output<int> TableCount { get; private set; }

    [Output("itemCount")]
    public Output<int> ItemCount { get; private set; }

    /// <summary>The whole course in one account and region, the free tier deducted once.</summary>
    [Output("estimatedMonthlyCostUsd")]
    public Output<double> EstimatedMonthlyCostUsd { get; private set; }

    [Output("estimatedCostBasis")]
    public Output<string> EstimatedCostBasis { get; private set; }

    /// <summary>
    /// True when PULUMI_CONFIG (the object of every config key the language host hands the program)
    /// sets academy:roster to a file. Pulumi.yaml's empty default means a learner stack.
    /// </summary>
    public static bool IsCourse(string? pulumiConfig)
    {
        if (string.IsNullOrWhiteSpace(pulumiConfig))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(pulumiConfig);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            // Older language hosts spell keys academy:config:roster.
            var keys = new[] { ConfigKeys.Roster.FullKey, $"{ConfigKeys.Namespace}:config:{ConfigKeys.Roster.Name}" };
            return document.RootElement.EnumerateObject()
                .Any(p => keys.Contains(p.Name, StringComparer.Ordinal) && p.Value.ValueKind == JsonValueKind.String && p.Value.GetString()!.Trim().Length > 0);
        }
        catch (JsonException)
        {
            return false; // the learner stack's own config reading reports it
        }
    }

    private static CourseCatalog LoadCourse()
    {
        try
        {
            var course = CourseBuilder.Build(new PulumiConfigSource(), AcademyStack.FindProject());
            // Items as JSON only, as the learner stack declares them.
            return course with { Learners = course.Learners.Select(l => l with { Catalog = l.Catalog.WithJsonOnlyItems() }).ToList() };
        }
        catch (CatalogException e)
        {
            // A RunException is reported as its message alone: the list of problems, no stack trace.
            throw new RunException(e.Message, e);
        }
    }

    private static Output<ImmutableDictionary<string, T>> ByLearner<T>(
        IReadOnlyDictionary<string, LearnerTables> components, Func<LearnerTables, Output<T>> pick)
    {
        var names = components.Keys.ToList();
        return Output.All(names.Select(n => pick(components[n])))
            .Apply(values => names.Zip(values).ToImmutableDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
    }
}
