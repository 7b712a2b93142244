namespace Academy.Catalog.Roster;

/// <summary>One learner of a roster and their validated catalog, built as their own stack would build it.</summary>
public sealed record LearnerCatalog(RosterLearner Entry, Catalog Catalog)
{
    public string Name => Entry.Name;
}
