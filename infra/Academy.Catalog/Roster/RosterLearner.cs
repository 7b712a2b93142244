namespace Academy.Catalog.Roster;

/// <summary>One learner as the roster lists them, before their catalog is built.</summary>
/// <param name="Name">Names the learner's tables (<c>&lt;name&gt;-academy-&lt;table&gt;</c>) and their Pulumi component.</param>
/// <param name="Line">The roster line the learner's entry starts on, for messages.</param>
/// <param name="Overrides">Per-learner config by <c>academy:*</c> name (items, tags, IAM names), as raw config text.</param>
/// <param name="Lines">The roster line of each override, for messages.</param>
public sealed record RosterLearner(
    string Name,
    int Line,
    IReadOnlyDictionary<string, string> Overrides,
    IReadOnlyDictionary<string, int> Lines);
