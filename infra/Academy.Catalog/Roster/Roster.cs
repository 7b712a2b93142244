namespace Academy.Catalog.Roster;

/// <summary>A course's roster file, read and checked for shape; each learner's catalog is built by <see cref="CourseBuilder"/>.</summary>
/// <param name="Source">The file, relative to the project, as messages name it.</param>
/// <param name="Learners">In the order the file lists them.</param>
/// <param name="TableQuota">How many DynamoDB tables the account may hold in the region.</param>
public sealed record Roster(string Source, IReadOnlyList<RosterLearner> Learners, int TableQuota)
{
    /// <summary>AWS's default DynamoDB table quota per account and region.</summary>
    public const int DefaultTableQuota = 2_500;
}
