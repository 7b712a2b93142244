namespace Academy.Catalog.Settings;

/// <summary>Config held in memory; keys may be given with or without the <c>academy:</c> prefix.</summary>
public sealed class DictionaryConfigSource : IConfigSource
{
    private readonly Dictionary<string, string> _values;

    private readonly HashSet<string> _secrets;

    private readonly Dictionary<string, string> _unreadable;

    /// <param name="unreadable">Keys set but unreadable here (see <see cref="IConfigSource.Unreadable"/>), with why.</param>
    public DictionaryConfigSource(string stackName, IReadOnlyDictionary<string, string>? values = null, IEnumerable<string>? secretKeys = null, IReadOnlyDictionary<string, string>? unreadable = null)
    {
        StackName = stackName;
        _unreadable = (unreadable ?? new Dictionary<string, string>()).ToDictionary(kv => StripNamespace(kv.Key), kv => kv.Value, StringComparer.Ordinal);
        _secrets = (secretKeys ?? []).Select(StripNamespace).ToHashSet(StringComparer.Ordinal);
        _values = (values ?? new Dictionary<string, string>())
            .ToDictionary(kv => StripNamespace(kv.Key), kv => kv.Value, StringComparer.Ordinal);
    }

    public string StackName { get; }

    public IEnumerable<string> Names => _values.Keys;

    public bool IsSecret(string name) => _secrets.Contains(name);

    public string? Get(string name) => _values.TryGetValue(name, out var value) ? value : null;

    public string? Unreadable(string name) => _unreadable.GetValueOrDefault(name);

    private static string StripNamespace(string key) =>
        key.StartsWith(ConfigKeys.Namespace + ":", StringComparison.Ordinal) ? key[(ConfigKeys.Namespace.Length + 1)..] : key;
}
