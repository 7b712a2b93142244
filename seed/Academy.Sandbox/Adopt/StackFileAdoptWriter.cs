using System.Text.Json.Nodes;
using Academy.Sandbox.Config;

namespace Academy.Sandbox.Adopt;

/// <summary>Sets academy:adopt in a Pulumi.&lt;stack&gt;.yaml through <see cref="StackFileKeyEditor"/>, creating the file when the stack has none yet.</summary>
public static class StackFileAdoptWriter
{
    /// <summary>Writes the config into <paramref name="file"/>; returns true when the file was created.</summary>
    /// <param name="withoutStack">The adopt command that prints the `pulumi config set` lines instead, for the same learner.</param>
    public static bool Write(string file, string displayName, AdoptConfig config, string withoutStack = "adopt without --stack") =>
        StackFileKeyEditor.Write(file, displayName, Value(config, withoutStack));

    /// <summary>The file's text with academy:adopt set to <paramref name="config"/>.</summary>
    public static string Edit(string text, AdoptConfig config, string displayName) =>
        StackFileKeyEditor.Edit(text, Value(config, "adopt without --stack"), displayName);

    private static StackFileValue Value(AdoptConfig config, string withoutStack) => new(
        AdoptConfig.FullKey,
        config.ToYamlLines,
        json => JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(config.ToJson())),
        $"set {AdoptConfig.FullKey} with the `pulumi config set` lines instead ({withoutStack} prints them)");
}
