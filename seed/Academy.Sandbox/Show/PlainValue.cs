using Academy.Catalog.Items;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Show;

/// <summary>
/// An attribute value as a person writes it in a seed file (lists and maps as plain JSON, not DynamoDB
/// JSON); --json documents write it the same way through <see cref="Cli.JsonOutput"/>.
/// </summary>
public readonly record struct PlainValue(AttributeValue Value)
{
    /// <summary>Strings as they are ("" when empty), everything else as compact plain JSON.</summary>
    public static string Text(AttributeValue value) =>
        value.S is { } s ? (s.Length == 0 ? "\"\"" : s) : PlainJsonWriter.Write(value);
}
