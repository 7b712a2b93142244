using System.Collections.Immutable;
using Academy.Catalog;
using Academy.Catalog.Cost;
using Academy.Catalog.Errors;
using Academy.Catalog.Project;
using Pulumi;
using LearnerCatalog = Academy.Catalog.Catalog;

namespace Academy.Infra;

/// <summary>
/// The program: reads the stack's config, builds and validates the learner's catalog, and declares
/// it as one <see cref="LearnerTables"/> component. Parameterless, so any test or tool can run the
/// whole program with <c>Deployment.TestAsync&lt;AcademyStack&gt;</c>.
/// </summary>
public sealed class AcademyStack : Stack
{
    /// <summary>The component's name: fixed, so renaming the learner renames tables, not the component.</summary>
    public const string ComponentName = "learner";

    public AcademyStack()
    {
        // Everything is validated before the first resource is declared: bad input registers nothing.
        var catalog = LoadCatalog();
        var learner = new LearnerTables(ComponentName, catalog);

        TableNames = learner.TableNames;
        TableArns = learner.TableArns;
        ItemCounts = Output.Create(catalog.Tables.ToImmutableDictionary(
            t => t.Key, t => catalog.ItemsOf(t.Key).Count(), StringComparer.Ordinal));
        ReadPolicyDocument = learner.ReadPolicyDocument;
        WritePolicyDocument = learner.WritePolicyDocument;

        var cost = CostEstimator.Estimate(catalog.Tables, catalog.Items);
        // Pulumi serializes double but not decimal.
        EstimatedMonthlyCostUsd = Output.Create((double)cost.MonthlyUsd);
        EstimatedCostBasis = Output.Create($"{cost.Region} list prices as of {cost.PricesAsOf}; {cost.Basis}");
    }

    /// <summary>Table name by table key (global, jobs).</summary>
    [Output("tableNames")]
    public Output<ImmutableDictionary<string, string>> TableNames { get; private set; }

    /// <summary>Table ARN by table key.</summary>
    [Output("tableArns")]
    public Output<ImmutableDictionary<string, string>> TableArns { get; private set; }

    /// <summary>Number of declared items by table key.</summary>
    [Output("itemCounts")]
    public Output<ImmutableDictionary<string, int>> ItemCounts { get; private set; }

    /// <summary>IAM policy JSON: what the ETL may do on these tables (read only).</summary>
    [Output("readPolicyDocument")]
    public Output<string> ReadPolicyDocument { get; private set; }

    /// <summary>IAM policy JSON: what tools that update configuration items may do on these tables.</summary>
    [Output("writePolicyDocument")]
    public Output<string> WritePolicyDocument { get; private set; }

    /// <summary>Estimated monthly cost of the learner's tables in US dollars.</summary>
    [Output("estimatedMonthlyCostUsd")]
    public Output<double> EstimatedMonthlyCostUsd { get; private set; }

    /// <summary>What the estimate rests on: the prices' region and date, units and assumptions.</summary>
    [Output("estimatedCostBasis")]
    public Output<string> EstimatedCostBasis { get; private set; }

    private static LearnerCatalog LoadCatalog()
    {
        try
        {
            // Items as JSON only: what is declared, and far less for the collector while it is.
            return CatalogBuilder.Build(new PulumiConfigSource(), FindProject()).WithJsonOnlyItems();
        }
        catch (CatalogException e)
        {
            // A RunException is reported as its message alone: the list of problems, no stack trace.
            throw new RunException(e.Message, e);
        }
    }

    // Pulumi starts the program in its project folder (Pulumi.yaml's main: infra/Academy.Infra/);
    // the build output folder is the fallback for hosts that start it elsewhere, such as test runners.
    internal static ProjectPaths FindProject()
    {
        var starts = new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory };
        foreach (var start in starts)
        {
            try
            {
                return ProjectPaths.Find(start);
            }
            catch (DirectoryNotFoundException)
            {
                // not under this folder; try the next
            }
        }

        throw new RunException(
            $"No {ProjectPaths.ProjectFile} in or above {string.Join(" or ", starts)}; run pulumi from the academy project.");
    }
}
