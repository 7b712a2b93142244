using System.Text.Json.Nodes;
using Academy.Catalog.Tests.Support;

namespace Academy.Catalog.Tests.Safety;

/// <summary>
/// One bad input: what to break in a scratch copy of the project (files and/or stack config), and the
/// error a learner must get for it: where to fix it, which item, and what the message says.
/// </summary>
public sealed record BadInput(
    string Name,
    string Source,
    string? Item,
    string Fragment,
    Action<ScratchProject>? Arrange = null,
    Dictionary<string, string>? Config = null,
    string Stack = "alice")
{
    public const string GlobalFile = "seed/items/global.json";
    public const string GlobalDynamoFile = "seed/items/global.dynamodb.json";
    public const string TablesFile = "seed/tables.json";

    public override string ToString() => Name;

    /// <summary>global.json as the course gives it, plus <paramref name="extraItems"/> (raw JSON), so the seed item itself stays valid.</summary>
    public static Action<ScratchProject> GlobalWith(params string[] extraItems) => project =>
    {
        var items = JsonNode.Parse(File.ReadAllText(TestProject.Repo.Resolve(GlobalFile)))!.AsArray();
        var text = items.ToJsonString();
        project.Write(GlobalFile, $"{text[..^1]},{string.Join(",", extraItems)}]");
    };

    public static Action<ScratchProject> Write(string relativePath, string content) => project => project.Write(relativePath, content);

    public static Action<ScratchProject> WriteBytes(string relativePath, byte[] content) => project => File.WriteAllBytes(Path.Combine(project.Root, relativePath), content);

    /// <summary>A DynamoDB JSON file beside global.json holding one item named 'dyn' with <paramref name="attribute"/> added.</summary>
    public static Action<ScratchProject> DynamoItem(string attribute) =>
        Write(GlobalDynamoFile, $$"""[{"name": {"S": "dyn"}, {{attribute}}}]""");

    public static Dictionary<string, string> Config1(string key, string value) => new() { [key] = value };
}
