using System.Globalization;
using System.Text;
using Academy.Catalog.Errors;
using Academy.Catalog.Files;
using Academy.Catalog.Project;
using Academy.Catalog.Settings;
using Academy.Catalog.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Academy.Catalog.Roster;

/// <summary>
/// Reads a roster file: its shape only (which fields, which types). Names, duplicates, the table
/// quota and each learner's catalog are checked by <see cref="CourseBuilder"/>. A roster may come
/// from anyone, so its size, nesting and alias expansion are bounded before it is loaded.
/// </summary>
public static class RosterReader
{
    public const int MaxBytes = 1024 * 1024;

    public const string LearnersField = "learners";
    public const string NameField = "name";
    public const string TableQuotaField = "tableQuota";

    /// <summary>The per-learner fields: the same names, types and meaning as these keys in a learner's stack config.</summary>
    public static IReadOnlyList<ConfigOption> LearnerOptions { get; } =
    [
        ConfigKeys.Items, ConfigKeys.Tags,
        ConfigKeys.EtlRoleName, ConfigKeys.EtlUserName, ConfigKeys.WriterRoleName, ConfigKeys.WriterUserName,
    ];

    /// <summary>Reads the roster at <paramref name="path"/> (relative to the project); null after reporting why it cannot be read.</summary>
    public static Roster? Read(ProjectPaths paths, string path, ErrorList errors)
    {
        var file = paths.Resolve(path);
        var relative = paths.Relative(file);
        var source = relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? file : relative;
        if (Directory.Exists(file))
        {
            errors.Add(source, null, "is a folder; name the roster file itself");
            return null;
        }

        if (!File.Exists(file))
        {
            errors.Add(source, null, $"not found; {ConfigKeys.Roster.FullKey} names it relative to the project root ({paths.Root}), --roster relative to the current folder");
            return null;
        }

        var bytes = InputFile.Read(file, MaxBytes, size => $"is {(size is { } known ? known.ToString("N0", CultureInfo.InvariantCulture) : "more than " + MaxBytes.ToString("N0", CultureInfo.InvariantCulture))} bytes; a roster is at most {MaxBytes:N0}", out var unreadable);
        if (bytes is null)
        {
            errors.Add(source, null, unreadable!);
            return null;
        }

        if (Utf8Text.InvalidAt(bytes) is not null)
        {
            errors.Add(source, null, "is not UTF-8 text");
            return null;
        }

        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');

        var stream = new YamlStream();
        try
        {
            if (YamlLimits.Check(text, YamlLimits.Roster) is { } limit)
            {
                errors.Add(source, null, $"line {limit.Line}: {limit.Problem}");
                return null;
            }

            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            errors.Add($"{source}:{e.Start.Line}", null, $"malformed YAML at column {e.Start.Column}: {e.InnerException?.Message ?? e.Message}");
            return null;
        }

        if (stream.Documents.Count != 1)
        {
            errors.Add(source, null, stream.Documents.Count == 0
                ? $"is empty; list the learners under '{LearnersField}:'"
                : $"holds {stream.Documents.Count} YAML documents; a roster is one");
            return null;
        }

        return Parse(stream.Documents[0].RootNode, source, errors);
    }

    private static Roster? Parse(YamlNode root, string source, ErrorList errors)
    {
        if (root is not YamlMappingNode map)
        {
            errors.Add(At(source, root), null, $"must be a mapping with '{LearnersField}:' (a list of learners), not {Kind(root)}");
            return null;
        }

        var quota = Roster.DefaultTableQuota;
        YamlSequenceNode? list = null;
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            switch (key)
            {
                case LearnersField when value is YamlSequenceNode sequence:
                    list = sequence;
                    break;
                case LearnersField:
                    errors.Add(At(source, value), null, $"'{LearnersField}' must be a list of learners, not {Kind(value)}");
                    return null;
                case TableQuotaField:
                    quota = ParseQuota(value, source, errors);
                    break;
                default:
                    errors.Add(At(source, keyNode), null, $"unknown field '{key}'; a roster has {LearnersField} and optionally {TableQuotaField}");
                    break;
            }
        }

        if (list is null)
        {
            errors.Add(source, null, $"has no '{LearnersField}:' list");
            return null;
        }

        if (list.Children.Count == 0)
        {
            errors.Add(source, null, $"lists no learners under '{LearnersField}:'");
            return null;
        }

        var learners = new List<RosterLearner>();
        foreach (var entry in list.Children)
        {
            if (ParseLearner(entry, source, errors) is { } learner)
            {
                learners.Add(learner);
            }
        }

        return new Roster(source, learners, quota);
    }

    private static int ParseQuota(YamlNode value, string source, ErrorList errors)
    {
        if (value is YamlScalarNode { Value: { } text }
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var quota) && quota >= 1)
        {
            return quota;
        }

        errors.Add(At(source, value), null, $"'{TableQuotaField}' must be a whole number of tables from 1 (the account's DynamoDB table quota in the region; AWS's default is {Roster.DefaultTableQuota:N0})");
        return Roster.DefaultTableQuota;
    }

    // An entry is a mapping with a name and optional overrides, or just the name.
    private static RosterLearner? ParseLearner(YamlNode entry, string source, ErrorList errors)
    {
        var line = (int)entry.Start.Line;
        if (entry is YamlScalarNode { Value: { } plain })
        {
            return ValidName(plain, entry, source, errors) ? new RosterLearner(plain, line, new Dictionary<string, string>(), new Dictionary<string, int>()) : null;
        }

        if (entry is not YamlMappingNode fields)
        {
            errors.Add(At(source, entry), null, $"a learner is a mapping with '{NameField}:' (or just the name), not {Kind(entry)}");
            return null;
        }

        string? name = null;
        var ok = true;
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var labelled = fields.Children.TryGetValue(new YamlScalarNode(NameField), out var nameNode) && nameNode is YamlScalarNode { Value: { } n }
            ? $"learner '{n}'"
            : "learner";
        foreach (var (keyNode, value) in fields.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var where = $"{At(source, keyNode)}: {labelled}";
            if (key == NameField)
            {
                if (value is YamlScalarNode { Value: { } text } && ValidName(text, value, source, errors))
                {
                    name = text;
                }
                else
                {
                    ok = false;
                    if (value is not YamlScalarNode)
                    {
                        errors.Add(where, null, $"'{NameField}' must be text, not {Kind(value)}");
                    }
                }

                continue;
            }

            if (LearnerOptions.FirstOrDefault(o => o.Name == key) is not { } option)
            {
                ok = false;
                errors.Add(where, null, $"unknown field '{key}'; a learner has {NameField} and optionally {string.Join(", ", LearnerOptions.Select(o => o.Name))}");
                continue;
            }

            lines[option.Name] = (int)keyNode.Start.Line;
            if (option.Type == ConfigType.Object)
            {
                var json = YamlJson.Convert(value, (at, message) => errors.Add($"{source}:{at}: {labelled}", null, $"{key}: {message}"));
                ok &= json is not null;
                overrides[option.Name] = json ?? "";
            }
            else if (value is YamlScalarNode { Value: { } text })
            {
                overrides[option.Name] = text;
            }
            else
            {
                ok = false;
                errors.Add(where, null, $"'{key}' must be text, not {Kind(value)}");
            }
        }

        if (name is null && !fields.Children.ContainsKey(new YamlScalarNode(NameField)))
        {
            errors.Add(At(source, entry), null, $"a learner has no '{NameField}:'");
        }

        return ok && name is not null ? new RosterLearner(name, line, overrides, lines) : null;
    }

    private static bool ValidName(string name, YamlNode node, string source, ErrorList errors)
    {
        if (name.Trim().Length == 0)
        {
            errors.Add(At(source, node), null, $"a learner's '{NameField}' is empty");
            return false;
        }

        return true;
    }

    private static string At(string source, YamlNode node) => $"{source}:{node.Start.Line}";

    private static string Kind(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ => "text",
    };
}
