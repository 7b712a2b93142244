using System.Text.Json;

namespace Academy.Catalog.Errors;

/// <summary>
/// Messages quote the values they complain about; a value given under a secret config key must not
/// reach Pulumi's log that way, so every such value is masked in the messages.
/// </summary>
internal static class SecretRedaction
{
    public const string Mask = "***";

    // Shorter values (true, 1, "") say nothing secret and masking them would garble every message.
    private const int MinLength = 3;

    public static IReadOnlyList<string> Values(JsonElement element)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        Collect(element, values);

        // Longest first, so a value that contains another is masked whole.
        return values.Where(v => v.Length >= MinLength).OrderByDescending(v => v.Length).ToList();
    }

    public static string Redact(string message, IReadOnlyList<string> secrets) =>
        secrets.Aggregate(message, (text, secret) => text
            .Replace(secret, Mask, StringComparison.Ordinal)
            .Replace(JsonEncodedText.Encode(secret).ToString(), Mask, StringComparison.Ordinal));

    private static void Collect(JsonElement element, HashSet<string> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, values);
                }

                break;
            case JsonValueKind.Array:
                foreach (var child in element.EnumerateArray())
                {
                    Collect(child, values);
                }

                break;
            case JsonValueKind.String:
                values.Add(element.GetString()!);
                break;
            case JsonValueKind.Number:
                values.Add(element.GetRawText());
                break;
        }
    }
}
