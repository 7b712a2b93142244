using System.Text.Json;
using Academy.Catalog.Settings;
using Pulumi;

namespace Academy.Infra;

/// <summary>
/// The stack's <c>academy:*</c> config as the catalog reads it: values through Pulumi's own
/// <see cref="Config"/>, so they are exactly what Pulumi hands the program (objects as JSON text).
/// </summary>
/// <remarks>
/// The Pulumi .NET SDK (checked against 3.112.1) has no public way to list the keys that are set or
/// to ask whether one is secret: <c>Deployment.AllConfig</c> and <c>IsConfigSecret</c> are internal.
/// Both come from the environment the language host sets for the program, PULUMI_CONFIG (a JSON
/// object of every key) and PULUMI_CONFIG_SECRET_KEYS (a JSON array of the secret keys), which is
/// where the SDK itself reads them; so this reads the same two variables. Config an Automation API
/// inline program passes in-process is not in them: its values are still read, but a misspelled
/// key goes unreported and no key counts as secret.
/// </remarks>
public sealed class PulumiConfigSource : IConfigSource
{
    public const string ConfigVariable = "PULUMI_CONFIG";
    public const string SecretKeysVariable = "PULUMI_CONFIG_SECRET_KEYS";

    private readonly Config _config = new(ConfigKeys.Namespace);
    private readonly IReadOnlyList<string> _names;
    private readonly HashSet<string> _secrets;

    public PulumiConfigSource()
    {
        StackName = Deployment.Instance.StackName;
        _names = NamesIn(Environment.GetEnvironmentVariable(ConfigVariable));
        _secrets = NamesIn(Environment.GetEnvironmentVariable(SecretKeysVariable)).ToHashSet(StringComparer.Ordinal);
    }

    public string StackName { get; }

    public IEnumerable<string> Names => _names;

    public string? Get(string name) => _config.Get(name);

    public bool IsSecret(string name) => _secrets.Contains(name);

    /// <summary>
    /// The <c>academy:*</c> names in PULUMI_CONFIG (an object keyed by full key) or in
    /// PULUMI_CONFIG_SECRET_KEYS (an array of full keys), without the namespace.
    /// </summary>
    internal static IReadOnlyList<string> NamesIn(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var keys = root.ValueKind switch
        {
            JsonValueKind.Object => root.EnumerateObject().Select(p => p.Name).ToList(),
            JsonValueKind.Array => root.EnumerateArray().Select(e => e.ToString()).ToList(),
            _ => new List<string>(),
        };

        var prefix = ConfigKeys.Namespace + ":";
        return keys
            .Select(CleanKey)
            .Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
            .Select(k => k[prefix.Length..])
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    // Older language hosts spell keys "academy:config:user"; the SDK reads them as "academy:user".
    private static string CleanKey(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        const string legacy = "config:";
        return colon > 0 && key.AsSpan(colon + 1).StartsWith(legacy, StringComparison.Ordinal)
            ? key[..(colon + 1)] + key[(colon + 1 + legacy.Length)..]
            : key;
    }
}
