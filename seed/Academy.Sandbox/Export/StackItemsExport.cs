using System.Text.Json;
using System.Text.Json.Nodes;
using Academy.Catalog.Errors;
using Academy.Catalog.Items;
using Academy.Catalog.Settings;
using Academy.Catalog.Tables;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Compare;
using Academy.Sandbox.Config;
using Academy.Sandbox.Engine;
using Amazon.DynamoDBv2.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Academy.Sandbox.Export;

/// <summary>One learner's live item to set in academy:items, with what it changes in the catalog.</summary>
public sealed record StackItemWrite(TableSpec Table, ItemKey Key, Dictionary<string, AttributeValue> Live, string Change);

/// <summary>
/// Writes a learner's own values into academy:items of their stack file, where they change only that
/// learner's catalog: each item replaces the academy:items entry with its key, or is added, and the
/// other entries keep their lines (<see cref="StackItemsText"/>). Only what
/// plain JSON holds can be written there; every item is read back the way Pulumi hands it to the
/// program (go-yaml's typing, then the catalog's reader) and must come out exactly as it is live.
/// </summary>
public static class StackItemsExport
{
    private static readonly string Key = ConfigKeys.Items.FullKey;

    /// <summary>The academy:items value with <paramref name="writes"/> set, checked; throws one error line for an item it cannot hold.</summary>
    public static StackFileValue Value(string? existingJson, IReadOnlyList<StackItemWrite> writes)
    {
        foreach (var write in writes)
        {
            CheckHoldable(write);
        }

        var root = existingJson is null ? new JsonObject() : JsonNode.Parse(existingJson) as JsonObject
            ?? throw new SandboxException($"error: {Key} is not a map of table to items; fix it before exporting into it");
        var before = Items(root.ToJsonString(), writes);
        var entries = new List<(StackItemWrite Write, JsonElement Entry)>();
        foreach (var write in writes)
        {
            if (root[write.Table.Key] is not JsonArray list)
            {
                list = [];
                root[write.Table.Key] = list;
            }

            var text = PlainJsonWriter.Write(new AttributeValue { M = write.Live });
            using (var parsed = JsonDocument.Parse(text))
            {
                entries.Add((write, parsed.RootElement.Clone()));
            }

            var entry = JsonNode.Parse(text)!;
            var at = list.Select((node, i) => (node, i)).FirstOrDefault(e => e.node is not null && KeyOf(write.Table, e.node) == write.Key, (null!, -1)).Item2;
            if (at >= 0)
            {
                list[at] = entry;
            }
            else
            {
                list.Add(entry);
            }
        }

        var json = root.ToJsonString();
        using var document = JsonDocument.Parse(json);
        var lines = YamlBlock.Entry(Key, document.RootElement.Clone(), "");
        return new StackFileValue(
            Key,
            indent => lines.Select(l => indent + l).ToList(),
            written => ReadsBack(written, before, writes),
            $"add the item with `pulumi config set --path` instead, or export it with --seed into the shared seed files",
            (fragment, newline) => StackItemsText.Rewrite(fragment, newline, entries));
    }

    /// <summary>The entries of academy:items by table and key, as the catalog reads them.</summary>
    private static Dictionary<(string Table, ItemKey Key), IReadOnlyDictionary<string, AttributeValue>> Items(string json, IReadOnlyList<StackItemWrite> writes)
    {
        var tables = writes.Select(w => w.Table).DistinctBy(t => t.Key).ToDictionary(t => t.Key, t => new TableDefinition(t.Key, t.HashKey, t.RangeKey));
        using var document = JsonDocument.Parse(json);
        var errors = new ErrorList();
        var result = new Dictionary<(string Table, ItemKey Key), IReadOnlyDictionary<string, AttributeValue>>();
        foreach (var property in document.RootElement.EnumerateObject().Where(p => tables.ContainsKey(p.Name) && p.Value.ValueKind == JsonValueKind.Array))
        {
            foreach (var item in ItemParser.ParseList(property.Value, ItemFormat.Plain, tables[property.Name], $"config {Key}.{property.Name}", errors))
            {
                result[(item.TableKey, item.Key)] = item.Attributes;
            }
        }

        return result;
    }

    // As Pulumi will read it: the written items exactly as live, every other entry as it was.
    private static bool ReadsBack(string written, Dictionary<(string Table, ItemKey Key), IReadOnlyDictionary<string, AttributeValue>> before, IReadOnlyList<StackItemWrite> writes)
    {
        var expected = new Dictionary<(string Table, ItemKey Key), IReadOnlyDictionary<string, AttributeValue>>(before);
        foreach (var write in writes)
        {
            expected[(write.Table.Key, write.Key)] = write.Live;
        }

        var read = Items(written, writes);
        return read.Count == expected.Count && expected.All(e => read.TryGetValue(e.Key, out var got) && AttributeValues.ItemsEqual(got, e.Value));
    }

    private static ItemKey? KeyOf(TableSpec table, JsonNode node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        var item = ItemParser.Parse(document.RootElement, ItemFormat.Plain, new TableDefinition(table.Key, table.HashKey, table.RangeKey), "", "", new ErrorList());
        return item?.Key;
    }

    /// <summary>The first attribute holding what academy:items (plain JSON) has no form for, a set or binary, and what it is; null when there is none.</summary>
    public static (string Attribute, string What)? Unholdable(IReadOnlyDictionary<string, AttributeValue> item) =>
        item.Select(kv => (kv.Key, What: NotPlain(kv.Value, top: true))).FirstOrDefault(a => a.What is not null) is ({ } name, { } what) ? (name, what) : null;

    // Plain JSON has no sets and no binary; a number Pulumi reads as a float64 loses digits.
    private static void CheckHoldable(StackItemWrite write)
    {
        var label = $"{write.Table.Key}-{write.Key}";
        if (Unholdable(write.Live) is { } found)
        {
            throw Refusal(label, found.Attribute, found.What);
        }

        // The item alone, written and read back as Pulumi and the catalog will.
        using var document = JsonDocument.Parse(PlainJsonWriter.Write(new AttributeValue { M = write.Live }));
        var yaml = string.Join('\n', YamlBlock.Entry("item", document.RootElement, "")) + "\n";
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var node = ((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("item")];
        using var read = JsonDocument.Parse(PulumiYamlJson.ConfigValue(node, out _, out _));
        var item = ItemParser.Parse(read.RootElement, ItemFormat.Plain, new TableDefinition(write.Table.Key, write.Table.HashKey, write.Table.RangeKey), "", "", new ErrorList());
        foreach (var (name, value) in write.Live)
        {
            if (item is null || !item.Attributes.TryGetValue(name, out var back) || !AttributeValues.Equal(back, value))
            {
                throw Refusal(label, name, value.N is { } n ? $"a number of {NumberText.SignificantDigits(n)} significant digits" : "a value that does not read back exactly");
            }
        }
    }

    /// <summary>Refuses the first write academy:items cannot hold, naming <paramref name="rest"/>: the command that exports the other items alone, if any.</summary>
    public static void CheckHoldable(IReadOnlyList<StackItemWrite> writes, Func<IEnumerable<StackItemWrite>, string?> rest)
    {
        if (writes.FirstOrDefault(w => Unholdable(w.Live) is not null) is not { } blocked)
        {
            return;
        }

        var (name, what) = Unholdable(blocked.Live)!.Value;
        var others = rest(writes.Where(w => Unholdable(w.Live) is null));
        throw Refusal($"{blocked.Table.Key}-{blocked.Key}", name, what, others is null ? "" : $"; {others} exports the other items alone, into your stack file");
    }

    private static SandboxException Refusal(string label, string name, string what, string orElse = "") =>
        new($"error: {label}: attribute '{name}' is {what}, which {Key} cannot hold exactly; nothing was written (--seed writes it into the shared seed files, which every learner reads){orElse}");

    private static string? NotPlain(AttributeValue value, bool top)
    {
        var what = value switch
        {
            { IsSSSet: true } => "a string set",
            { IsNSSet: true } => "a number set",
            { IsBSSet: true } => "a binary set",
            { B: not null } => "binary",
            _ => null,
        };
        if (what is not null)
        {
            return top ? what : $"a value holding {what}";
        }

        IEnumerable<AttributeValue> nested = value.IsMSet ? value.M.Values : value.IsLSet ? value.L : [];
        return nested.Select(v => NotPlain(v, top: false)).FirstOrDefault(w => w is not null);
    }
}
