using Academy.Catalog.Cost;

namespace Academy.Catalog.Roster;

/// <summary>Every learner of a roster with their validated catalog, and the course's totals.</summary>
public sealed record CourseCatalog(Roster Roster, IReadOnlyList<LearnerCatalog> Learners)
{
    /// <summary>
    /// The resource name of a learner's child in a course stack: prefixed with the learner, since a
    /// child's URN carries its parent's type but not its name.
    /// </summary>
    public static string ChildName(string learner, string child) => $"{learner}-{child}";

    public int TableCount => Learners.Sum(l => l.Catalog.Tables.Count);

    public int ItemCount => Learners.Sum(l => l.Catalog.Items.Count);

    /// <summary>The whole course in one account and region, with the free tier deducted once.</summary>
    public CostEstimate Cost => CostEstimator.EstimateCourse(Learners.Select(l => l.Catalog).ToList());

    /// <summary>The learner of that name; names are unique ignoring case, so either spelling finds them.</summary>
    public LearnerCatalog? Find(string name) =>
        Learners.FirstOrDefault(l => l.Name == name)
        ?? Learners.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase));
}
