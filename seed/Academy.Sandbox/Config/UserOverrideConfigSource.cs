using Academy.Catalog.Settings;

namespace Academy.Sandbox.Config;

/// <summary>Another config source with academy:user replaced by --user.</summary>
public sealed class UserOverrideConfigSource(IConfigSource inner, string user) : IConfigSource
{
    public string StackName => inner.StackName;

    public IEnumerable<string> Names => inner.Names.Append(ConfigKeys.User.Name).Distinct(StringComparer.Ordinal);

    public string? Get(string name) => name == ConfigKeys.User.Name ? user : inner.Get(name);

    public bool IsSecret(string name) => name != ConfigKeys.User.Name && inner.IsSecret(name);

    // Problems with the learner name are the flag's, so they name the flag, not the stack file.
    public string Origin(string name) => name == ConfigKeys.User.Name ? "--user" : inner.Origin(name);

    public string? Unreadable(string name) => name == ConfigKeys.User.Name ? null : inner.Unreadable(name);
}
