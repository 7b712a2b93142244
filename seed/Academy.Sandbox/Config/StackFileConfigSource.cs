using Academy.Catalog.Errors;
using Academy.Catalog.Files;
using Academy.Catalog.Project;
using Academy.Catalog.Settings;
using Academy.Catalog.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Academy.Sandbox.Config;

/// <summary>
/// The <c>academy:*</c> keys of a stack's Pulumi.&lt;stack&gt;.yaml, as raw text the way Pulumi hands them
/// to the program: scalars as written, objects and lists as JSON text. Values set with
/// <c>pulumi config set --secret</c> cannot be decrypted here; their keys report <see cref="IsSecret"/>.
/// </summary>
public sealed class StackFileConfigSource : IConfigSource
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    // Read whole into memory, so bounded: far above any real stack file, far below what hurts.
    private const long MaxBytes = 16 * 1024 * 1024;

    private readonly HashSet<string> _secrets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _encrypted = new(StringComparer.Ordinal);

    private StackFileConfigSource(string stackName) => StackName = stackName;

    public string StackName { get; }

    public IEnumerable<string> Names => _values.Keys.Concat(_encrypted.Keys);

    /// <summary>Things Pulumi would change on the way to the program (such as a long number read as a float), worth a warning.</summary>
    public List<string> Warnings { get; } = [];

    public string? Get(string name) => _values.TryGetValue(name, out var value) ? value : null;

    public bool IsSecret(string name) => _secrets.Contains(name);

    public string? Unreadable(string name) => _encrypted.GetValueOrDefault(name);

    /// <summary>Reads Pulumi.&lt;stack&gt;.yaml from the project root; problems come back as a <see cref="CatalogException"/>.</summary>
    public static StackFileConfigSource Load(ProjectPaths paths, string stackName)
    {
        CheckProject(paths, stackName);
        var file = paths.Resolve(PulumiStackName.FileName(stackName));
        var source = paths.Relative(file);
        var config = new StackFileConfigSource(PulumiStackName.Short(stackName));
        var errors = new ErrorList();
        if (FileKind.Of(file, followLinks: true) == FileType.Missing) // anything else (a folder, a FIFO) is refused by the read, saying what it is
        {
            errors.Add(source, null, $"not found; create it with {PulumiStackName.InitCommand(stackName)} or leave out --stack to use the defaults");
            errors.ThrowIfAny();
        }

        if (Parse(file, source, errors) is not { } stream)
        {
            errors.ThrowIfAny();
            return config;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("config"), out var block)
            || block is YamlScalarNode { Value: "" or null, Style: ScalarStyle.Plain })
        {
            return config; // an empty stack file, or one without config: every key takes its default, as with Pulumi
        }

        if (block is not YamlMappingNode entries)
        {
            errors.Add(source, null, $"config: must be a mapping of key to value (line {block.Start.Line})");
            errors.ThrowIfAny();
            return config;
        }

        var prefix = ConfigKeys.Namespace + ":";
        foreach (var (keyNode, valueNode) in entries.Children)
        {
            if (keyNode is not YamlScalarNode { Value: var key })
            {
                errors.Add(source, null, $"config: the key at line {keyNode.Start.Line} is a list or a mapping (`? [...]`); config keys are plain names such as academy:user");
                continue;
            }

            key ??= "";
            if (!key.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue; // aws:region and friends belong to providers, not to the catalog
            }

            var name = key[prefix.Length..];
            var where = $"{source}: config {key}";
            var secretValue = PulumiYamlJson.HoldsSecret(valueNode);
            try
            {
                var value = PulumiYamlJson.ConfigValue(valueNode, out var secret, out var notes);
                _ = secret ? config._secrets.Add(name) : false;
                if (secret && value == PulumiYamlJson.SecretPlaceholder)
                {
                    config.Encrypted(name, source, where);
                    continue;
                }

                if (secret && name == ConfigKeys.Tags.Name)
                {
                    value = EncryptedTags.Without(value, out var skipped);
                    config.Warnings.AddRange(skipped.Select(tag => $"{where}.{tag}: {EncryptedTags.Why}"));
                }

                config._values[name] = value;
                config.Warnings.AddRange(notes.Select(n => Describe(where, n.Path, n.Line, n.Message, secret).ToString()));
            }
            catch (ValueException e)
            {
                errors.Add(Describe(where, e.Path, e.Line, e.Text, secretValue));
            }
        }

        errors.ThrowIfAny();
        return config;
    }

    /// <summary>
    /// Refuses an owner/project/stack --stack whose project is not this one: Pulumi refuses it too (the
    /// project must be Pulumi.yaml's), and the sandbox would otherwise read this project's
    /// Pulumi.&lt;stack&gt;.yaml for another project's stack.
    /// </summary>
    public static void CheckProject(ProjectPaths paths, string stackName)
    {
        if (PulumiStackName.Project(stackName) is not { } named)
        {
            return;
        }

        var file = paths.Resolve(ProjectPaths.ProjectFile);
        var errors = new ErrorList();
        var project = Parse(file, ProjectPaths.ProjectFile, errors) is { Documents: [{ RootNode: YamlMappingNode root }, ..] }
            && root.Children.TryGetValue(new YamlScalarNode("name"), out var node) && node is YamlScalarNode { Value: { Length: > 0 } value }
            ? value
            : null;
        if (project is null && !errors.Any)
        {
            errors.Add(ProjectPaths.ProjectFile, null, "has no name: key; Pulumi needs the project's name");
        }
        else if (project is not null && !string.Equals(project, named, StringComparison.Ordinal))
        {
            errors.Add("--stack", null, $"'{stackName}' is a stack of project '{named}', but {ProjectPaths.ProjectFile} names this project '{project}', and Pulumi refuses another project's stack here: give --stack {PulumiStackName.Short(stackName)} or {stackName[..stackName.IndexOf('/')]}/{project}/{PulumiStackName.Short(stackName)}");
        }

        errors.ThrowIfAny();
    }

    /// <summary>The stack file's text, decoded as Pulumi decodes it, or null with the problem (to follow the file's name).</summary>
    public static string? ReadText(string file, out string? problem)
    {
        var bytes = InputFile.Read(file, MaxBytes, size => $"is {(size is { } known ? InputFile.Size(known) : "more than " + InputFile.Size(MaxBytes))}; a stack file holds settings and a few items, at most {InputFile.Size(MaxBytes)} (put bulk items in seed/items)", out problem);
        return bytes is null ? null : StackFileText.Decode(bytes, out problem);
    }

    // Decoded as Pulumi decodes it, checked for what would exhaust memory or the stack, then loaded.
    private static YamlStream? Parse(string file, string source, ErrorList errors)
    {
        if (ReadText(file, out var problem) is not { } text)
        {
            errors.Add(source, null, problem!);
            return null;
        }

        if (YamlLimits.Check(text, YamlLimits.StackFile) is { } limit)
        {
            errors.Add(source, null, $"line {limit.Line}: {limit.Problem}");
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
            return stream;
        }
        catch (YamlException e)
        {
            errors.Add(source, null, $"malformed YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}");
            return null;
        }
    }

    // Said as the catalog says it for items (config academy:items.global: item 'x': attribute 'n'),
    // with the line; for other keys, the path under the key. Values are masked when the key is secret.
    private static CatalogError Describe(string where, ValuePath path, long line, ErrorMessage message, bool secret)
    {
        if (path.AsItem() is { } item && where.EndsWith(ConfigKeys.Items.FullKey, StringComparison.Ordinal))
        {
            var attribute = item.Attribute.Length > 0 ? $"attribute '{item.Attribute}' " : "";
            return new CatalogError($"{where}.{item.Table}", item.Item, $"{Shown.Words(attribute)}(line {line}): {message}", secret);
        }

        var at = path.ToString().Length > 0 ? $"{path} " : "";
        return new CatalogError(where, null, $"{Shown.Words(at)}(line {line}): {message}", secret);
    }

    // A whole value set with `pulumi config set --secret`: only the Pulumi CLI holds the key to it.
    private void Encrypted(string name, string file, string where)
    {
        const string Why = "is encrypted (set with `pulumi config set --secret`) and only the Pulumi CLI can decrypt it";
        if (name == ConfigKeys.User.Name)
        {
            _encrypted[name] = $"{Why} (in {file}), so the sandbox cannot tell which tables are the learner's; give the learner name with --user";
            return;
        }

        var instead = name == ConfigKeys.Items.Name
            ? "so the sandbox leaves out the items it holds, as it does for an item holding a `--path` secret: plan, up and verify work on the seed items alone, and `pulumi up` declares the rest (so `up --prune`, which would delete those, is refused)"
            : $"so the sandbox uses its default{(ConfigKeys.Find(name)?.Default is { Length: > 0 } d ? $" ({d})" : "")}";
        _encrypted[name] = $"{Why}, {instead}";
        Warnings.Add($"{where}: {_encrypted[name]}");
    }
}
