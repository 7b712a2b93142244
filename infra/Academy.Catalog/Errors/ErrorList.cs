namespace Academy.Catalog.Errors;

/// <summary>Collects problems so validation can report all of them at once.</summary>
public sealed class ErrorList
{
    private readonly List<CatalogError> _errors = [];

    public IReadOnlyList<CatalogError> Errors => _errors;

    public bool Any => _errors.Count > 0;

    public void Add(string source, string? item, string message) => _errors.Add(new CatalogError(source, item, message));

    public void Add(CatalogError error) => _errors.Add(error);

    /// <summary>Masks the given secret values wherever a message quotes them.</summary>
    public void Redact(IReadOnlyList<string> secrets)
    {
        for (var i = 0; i < _errors.Count; i++)
        {
            _errors[i] = _errors[i] with { Message = SecretRedaction.Redact(_errors[i].Message, secrets) };
        }
    }

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new CatalogException(_errors.ToArray());
        }
    }
}
