namespace Academy.Catalog.Errors;

/// <summary>Collects problems so validation can report all of them at once.</summary>
public sealed class ErrorList
{
    private readonly List<CatalogError> _errors;

    private readonly bool _secret;

    public ErrorList()
        : this([], secret: false)
    {
    }

    private ErrorList(List<CatalogError> errors, bool secret)
    {
        _errors = errors;
        _secret = secret;
    }

    public IReadOnlyList<CatalogError> Errors => _errors;

    public bool Any => _errors.Count > 0;

    /// <summary>
    /// The same list, marking what is added through it as secret when <paramref name="secret"/> is
    /// true: hand it to code that reads data from a secret config key, and none of that code's
    /// messages can print a value.
    /// </summary>
    public ErrorList Concerning(bool secret) => secret == _secret ? this : new ErrorList(_errors, secret);

    public void Add(string source, string? item, ErrorMessage message) => Add(source, item, message, secret: false);

    public void Add(string source, string? item, ErrorMessage message, bool secret) =>
        _errors.Add(new CatalogError(source, item, message, secret || _secret));

    public void Add(CatalogError error) => _errors.Add(_secret ? error with { Secret = true } : error);

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new CatalogException(_errors.ToArray());
        }
    }
}
