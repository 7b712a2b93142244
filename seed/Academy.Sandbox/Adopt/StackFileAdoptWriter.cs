using System.Text.Json.Nodes;
using Academy.Sandbox.Config;

namespace Academy.Sandbox.Adopt;

/// <summary>Sets academy:adopt in a Pulumi.&lt;stack&gt;.yaml through <see cref="StackFileKeyEditor"/>, creating the file when the stack has none yet.</summary>
public static class StackFileAdoptWriter
{
    /// <summary>Writes the config into <paramref name="file"/>; returns true when the file was created.</summary>
    public static bool Write(string file, string displayName, AdoptConfig config) =>
        StackFileKeyEditor.Write(file, displayName, Value(config));

    /// <summary>The file's text with academy:adopt set to <paramref name="config"/>.</summary>
    public static string Edit(string text, AdoptConfig config, string displayName) =>
        StackFileKeyEditor.Edit(text, Value(config), displayName);

    private static StackFileValue Value(AdoptConfig config) => new(
        AdoptConfig.FullKey,
        config.ToYamlLines,
        json => JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(config.ToJson())),
        $"set {AdoptConfig.FullKey} with the `pulumi config set` lines instead (run adopt without --stack)");
}
