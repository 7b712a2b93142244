namespace Academy.Sandbox.Report;

/// <summary>One table of a learner as verify found it.</summary>
/// <param name="Live">Items the table holds: the declared ones present plus the extras.</param>
/// <param name="Present">Declared items the table holds.</param>
/// <param name="Missing">Declared items the table does not hold (all of them when the table is missing).</param>
/// <param name="Settings">Table settings that differ from the catalog's, as verify words them.</param>
public sealed record TableDrift(
    string Key,
    string Name,
    bool Exists,
    int Declared,
    int Live,
    int Present,
    int Missing,
    int Differs,
    int Extra,
    IReadOnlyList<string> Settings);

/// <summary>What verify found for one learner: per table, its total, and the lines it printed.</summary>
/// <param name="Total">Verify's own count of differences (a missing table is one); 0 means in step. The report counts with <see cref="ReportCounts"/>.</param>
/// <param name="Lines">Verify's listing of every difference, as `verify --learner` prints it.</param>
public sealed record LearnerDrift(IReadOnlyList<TableDrift> Tables, int Total, IReadOnlyList<string> Lines)
{
    public int TablesPresent => Tables.Count(t => t.Exists);

    public int ItemsPresent => Tables.Sum(t => t.Present);

    public int Missing => Tables.Sum(t => t.Missing);

    public int Differs => Tables.Sum(t => t.Differs);

    public int Extra => Tables.Sum(t => t.Extra);

    public int Settings => Tables.Sum(t => t.Settings.Count);
}
