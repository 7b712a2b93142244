namespace Academy.Catalog.Errors;

/// <summary>
/// One problem in the learner's input. <see cref="Source"/> is where a user goes to fix it: a file
/// path relative to the project, or a stack config key such as <c>academy:items</c>.
/// </summary>
public sealed record CatalogError(string Source, string? Item, string Message)
{
    public override string ToString() =>
        Item is null ? $"{Source}: {Message}" : $"{Source}: item '{Item}': {Message}";
}
