using System.Text.Json;
using System.Text.Json.Nodes;

namespace Academy.Sandbox.Config;

/// <summary>
/// Tags set with `pulumi config set --secret --path academy:tags.&lt;tag&gt;`: ciphertext only the
/// Pulumi CLI can decrypt. Left out of academy:tags as the sandbox reads it, so no table is ever
/// tagged with placeholder text; the tags beside them are plain text in the file and stay.
/// </summary>
public static class EncryptedTags
{
    public const string Why = "is encrypted (set with `pulumi config set --secret --path`) and only the Pulumi CLI can decrypt it, "
        + "so the sandbox leaves this tag off the tables it creates, as it leaves out secret items; `pulumi up` sets it";

    /// <summary>The academy:tags JSON without its encrypted tags, whose names come back in <paramref name="skipped"/>.</summary>
    public static string Without(string json, out IReadOnlyList<string> skipped)
    {
        skipped = [];
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return json; // not an object of tags: the catalog says what is wrong with it
        }

        if (root is not JsonObject tags)
        {
            return json;
        }

        var encrypted = tags
            .Where(t => t.Value is JsonValue value && value.TryGetValue<string>(out var text) && text == PulumiYamlJson.SecretPlaceholder)
            .Select(t => t.Key)
            .ToList();
        foreach (var name in encrypted)
        {
            tags.Remove(name);
        }

        skipped = encrypted;
        return encrypted.Count == 0 ? json : tags.ToJsonString();
    }
}
