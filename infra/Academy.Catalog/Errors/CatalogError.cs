namespace Academy.Catalog.Errors;

/// <summary>
/// One problem in the learner's input. <see cref="Source"/> is where a user goes to fix it: a file
/// path relative to the project, or a stack config key such as <c>academy:items</c>. When
/// <see cref="Secret"/> is true the problem concerns data from a secret config key, and
/// <see cref="Message"/> shows its wording and names but none of its values.
/// </summary>
public sealed record CatalogError(string Source, string? Item, ErrorMessage Text, bool Secret = false)
{
    public string Message => Text.Render(Secret);

    public override string ToString() =>
        Item is null ? $"{Where}: {Message}" : $"{Where}: item '{Excerpt.Of(Item)}': {Message}";

    // A file named on the command line (a roster, Pulumi.<stack>.yaml) is input too.
    private string Where => Excerpt.Of(Source, 400, 300);
}
