using Academy.Catalog.Tables;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Up;

/// <summary>What `up` found in one table and means to do there, worked out before anything is written.</summary>
public sealed record TablePlan(
    TableSpec Table,
    bool Exists,
    IReadOnlyList<string> Settings,
    int Live,
    IReadOnlyList<WriteRequest> Puts,
    int Unchanged,
    IReadOnlyList<string> SkippedSecret,
    IReadOnlyList<string> Undeclared,
    IReadOnlyList<WriteRequest> Deletes)
{
    /// <summary>True when the deletes would empty the table or take more than half of its items.</summary>
    public bool PruneNeedsConfirmation => Deletes.Count > 0 && Deletes.Count * 2 > Live;

    public bool Empties => Deletes.Count == Live && Puts.Count == 0 && Unchanged == 0;
}
