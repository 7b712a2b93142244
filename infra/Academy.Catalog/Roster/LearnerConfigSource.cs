using System.Text;
using System.Text.Json;
using Academy.Catalog.Settings;

namespace Academy.Catalog.Roster;

/// <summary>
/// What one learner's stack config would be: the course stack's config, the learner's name as
/// academy:user, and the learner's roster fields on top. A field replaces the course's value; the
/// object keys (tags, items) merge one level deep, so a learner's tag or item list for one table
/// replaces the course's and leaves the others.
/// </summary>
public sealed class LearnerConfigSource : IConfigSource
{
    private readonly IConfigSource _course;
    private readonly string _user;
    private readonly Dictionary<string, string> _overrides = new(StringComparer.Ordinal);

    public LearnerConfigSource(IConfigSource course, string user, IReadOnlyDictionary<string, string> overrides)
    {
        _course = course;
        _user = user;
        foreach (var (name, value) in overrides)
        {
            _overrides[name] = ConfigKeys.Find(name)?.Type == ConfigType.Object && course.Get(name) is { } courseValue
                ? MergeObjects(courseValue, value)
                : value;
        }
    }

    public string StackName => _course.StackName;

    public IEnumerable<string> Names => _course.Names
        .Where(n => n != ConfigKeys.Roster.Name)
        .Concat(_overrides.Keys)
        .Append(ConfigKeys.User.Name)
        .Distinct(StringComparer.Ordinal);

    public string? Get(string name)
    {
        if (name == ConfigKeys.User.Name)
        {
            return _user;
        }

        if (name == ConfigKeys.Roster.Name)
        {
            return null; // a learner's catalog is one learner's, whatever the course stack names
        }

        return _overrides.TryGetValue(name, out var value) ? value : _course.Get(name);
    }

    // A merged object still holds the course's values, so it is as secret as they were; the
    // roster's own values are plain text in a file and were never secret.
    public bool IsSecret(string name) => name switch
    {
        _ when name == ConfigKeys.User.Name => false,
        _ when _overrides.ContainsKey(name) => ConfigKeys.Find(name)?.Type == ConfigType.Object && _course.IsSecret(name),
        _ => _course.IsSecret(name),
    };

    // What the course stack could not read here stays unknown for every learner (the learner's name never is).
    public string? Unreadable(string name) => name == ConfigKeys.User.Name ? null : _course.Unreadable(name);

    // Either side that is not a JSON object is left for the catalog to report; the learner's wins.
    private static string MergeObjects(string course, string learner)
    {
        try
        {
            using var baseDocument = JsonDocument.Parse(course);
            using var overDocument = JsonDocument.Parse(learner);
            if (baseDocument.RootElement.ValueKind != JsonValueKind.Object || overDocument.RootElement.ValueKind != JsonValueKind.Object)
            {
                return learner;
            }

            var replaced = overDocument.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                foreach (var property in baseDocument.RootElement.EnumerateObject().Where(p => !replaced.Contains(p.Name)))
                {
                    property.WriteTo(writer);
                }

                foreach (var property in overDocument.RootElement.EnumerateObject())
                {
                    property.WriteTo(writer);
                }

                writer.WriteEndObject();
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }
        catch (JsonException)
        {
            return learner;
        }
    }
}
