using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Academy.Catalog.Items;
using Academy.Catalog.Settings;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Config;

namespace Academy.Sandbox.Adopt;

/// <summary>
/// The academy:adopt value (see docs/pulumi.md): table key to the keys of the items to
/// import; an item of a table with a range key is [hash, range]. Rendered as the JSON text Pulumi
/// hands the program, as stack-file YAML and as `pulumi config set` lines.
/// </summary>
public sealed partial class AdoptConfig(IReadOnlyList<AdoptConfig.TableEntry> tables)
{
    public const string Key = "adopt";

    public static readonly string FullKey = $"{ConfigKeys.Namespace}:{Key}";


    /// <param name="Items">Each item as [hash] or [hash, range], key values as the catalog declares them.</param>
    public sealed record TableEntry(string Table, IReadOnlyList<IReadOnlyList<string>> Items);

    /// <summary>Tables in key order, as Pulumi sorts object keys.</summary>
    public IReadOnlyList<TableEntry> Tables { get; } = tables.OrderBy(t => t.Table, StringComparer.Ordinal).ToList();

    public bool IsEmpty => Tables.Count == 0;

    public static IReadOnlyList<string> EntryOf(CatalogItem item) =>
        item.RangeKeyValue is null ? [item.HashKeyValue] : [item.HashKeyValue, item.RangeKeyValue];

    /// <summary>
    /// The value as the program receives it from Pulumi (object keys sorted, compact), e.g.
    /// {"global":["imdb-rest-api"],"jobs":[]}: what PULUMI_CONFIG carries for academy:adopt in a test.
    /// </summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, DynamoJsonWriter.Options(indented: false)))
        {
            writer.WriteStartObject();
            foreach (var table in Tables)
            {
                writer.WriteStartArray(table.Table);
                foreach (var item in table.Items)
                {
                    if (item.Count == 1)
                    {
                        writer.WriteStringValue(item[0]);
                        continue;
                    }

                    writer.WriteStartArray();
                    foreach (var part in item)
                    {
                        writer.WriteStringValue(part);
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The key and its value as block YAML lines for the config: mapping, indented by <paramref name="indent"/>.</summary>
    public IReadOnlyList<string> ToYamlLines(string indent)
    {
        if (IsEmpty)
        {
            return [$"{indent}{FullKey}: {{}}"];
        }

        var lines = new List<string> { $"{indent}{FullKey}:" };
        foreach (var table in Tables)
        {
            if (table.Items.Count == 0)
            {
                lines.Add($"{indent}  {Yaml(table.Table)}: []");
                continue;
            }

            lines.Add($"{indent}  {Yaml(table.Table)}:");
            lines.AddRange(table.Items.Select(item => item.Count == 1
                ? $"{indent}    - {Yaml(item[0])}"
                : $"{indent}    - [{string.Join(", ", item.Select(Yaml))}]"));
        }

        return lines;
    }

    /// <summary>
    /// Shell lines that set exactly this value: `pulumi config rm` first (so no entry of an earlier run
    /// survives), then one `--path` line per item. A table with nothing to import but itself needs an
    /// empty list, which --path cannot express; then the whole value is set as JSON text instead, which
    /// the program reads the same way. Each line carries <paramref name="peers"/>' --stack and --cwd.
    /// </summary>
    public IReadOnlyList<string> CliLines(PeerCommands? peers = null)
    {
        peers ??= PeerCommands.None;
        var lines = new List<string> { peers.Pulumi("config rm", FullKey) };
        if (IsEmpty || Tables.Any(t => t.Items.Count == 0))
        {
            lines.Add(peers.Pulumi("config set", $"{FullKey} {Shell(ToJson())}"));
            return lines;
        }

        foreach (var table in Tables)
        {
            var tablePath = PathSegment().IsMatch(table.Table) ? $".{table.Table}" : $"[{DynamoJsonWriter.Quote(table.Table)}]";
            for (var i = 0; i < table.Items.Count; i++)
            {
                var item = table.Items[i];
                for (var part = 0; part < item.Count; part++)
                {
                    var path = $"{FullKey}{tablePath}[{i}]" + (item.Count == 1 ? "" : $"[{part}]");
                    var value = item[part];
                    var type = TypedByPulumi().IsMatch(value) ? "--type string " : "";
                    lines.Add(peers.Pulumi("config set", $"--path {type}{Shell(path)} {Shell(value)}"));
                }
            }
        }

        return lines;
    }

    // A plain YAML scalar only where no YAML reader could take it for anything but that string.
    private static string Yaml(string value) => YamlBlock.Scalar(value);

    private static string Shell(string value) =>
        ShellSafe().IsMatch(value) ? value : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex("^[A-Za-z0-9_./:@%+=-]+\\z")]
    private static partial Regex ShellSafe();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]*\\z")]
    private static partial Regex PathSegment();

    // `pulumi config set --path` stores "true", "false" and integers as bool and number.
    [GeneratedRegex("^(true|false|[-+]?[0-9]+)\\z")]
    private static partial Regex TypedByPulumi();
}
