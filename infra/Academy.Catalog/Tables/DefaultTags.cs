namespace Academy.Catalog.Tables;

/// <summary>Tags every learner table carries, so a shared account can tell whose tables are whose.</summary>
public static class DefaultTags
{
    public const string Learner = "learner";
    public const string Course = "course";
    public const string ManagedBy = "managed-by";
    public const string CourseName = "data-engineering-academy";
    public const string ManagedByValue = "pulumi";

    /// <summary>The defaults with academy:tags on top; learner is always the learner.</summary>
    public static IReadOnlyDictionary<string, string> Merge(string user, IReadOnlyDictionary<string, string> extra)
    {
        var tags = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [Course] = CourseName,
            [ManagedBy] = ManagedByValue,
        };
        foreach (var (key, value) in extra)
        {
            tags[key] = value;
        }

        tags[Learner] = user;
        return tags;
    }
}
