namespace Academy.Catalog.Settings;

/// <summary>
/// Where <c>academy:*</c> values come from: Pulumi's stack config in the program, a
/// Pulumi.&lt;stack&gt;.yaml file in the sandbox tool, a dictionary in tests. Values are raw text,
/// as Pulumi hands them over (objects as JSON text), so one parser serves every caller.
/// </summary>
public interface IConfigSource
{
    string StackName { get; }

    /// <summary>The raw value of <c>academy:{name}</c>, or null when it is not set.</summary>
    string? Get(string name);

    /// <summary>Every <c>academy:*</c> name that is set, so typos in key names can be reported.</summary>
    IEnumerable<string> Names { get; }

    /// <summary>
    /// True when <c>academy:{name}</c> was set as a Pulumi secret (<c>pulumi config set --secret</c>,
    /// also with <c>--path</c> into an object), so everything derived from it stays secret.
    /// </summary>
    bool IsSecret(string name);

    /// <summary>Where <c>academy:{name}</c> was given, as messages name it: a config key, or a flag that overrides one.</summary>
    string Origin(string name) => $"config {ConfigKeys.Namespace}:{name}";

    /// <summary>
    /// Why <c>academy:{name}</c> is set but cannot be read here (a whole value only the Pulumi CLI can
    /// decrypt), or null. <see cref="Get"/> returns null for such a key; this says what it means.
    /// </summary>
    string? Unreadable(string name) => null;
}
