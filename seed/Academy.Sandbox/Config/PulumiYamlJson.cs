using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Academy.Catalog.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Academy.Sandbox.Config;

/// <summary>
/// Turns a stack config value into the text Pulumi gives the program. Pulumi reads the stack file with
/// go-yaml v3: a scalar value is its text; an object or list is decoded (plain scalars typed as null,
/// bool, int or float64) and re-encoded with Go's encoding/json, which sorts keys. A {secure: ...}
/// value is ciphertext only the Pulumi CLI can decrypt.
/// </summary>
public static partial class PulumiYamlJson
{
    /// <summary>Placeholder for a value only Pulumi can decrypt; items holding it are masked and never written.</summary>
    public const string SecretPlaceholder = "[secret: encrypted in the stack file]";

    public static string ConfigValue(YamlNode node, out bool secret, out List<ValueNote> rounded)
    {
        rounded = [];
        secret = false;
        if (node is YamlScalarNode scalar)
        {
            // go-yaml decodes a scalar into Pulumi's string as its text, except that a plain null word decodes to "".
            return scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && scalar.Tag.IsEmpty && scalar.Value is "~" or "null" or "Null" or "NULL"
                ? ""
                : scalar.Value ?? "";
        }

        if (SecureValue(node) is not null)
        {
            secret = true;
            return SecretPlaceholder;
        }

        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { MaxDepth = YamlLimits.StackFile.MaxDepth + 1 }))
        {
            var context = new Context();
            Write(writer, node, ValuePath.Root, context);
            rounded = context.Rounded;
            secret = context.Secret;
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Go's encoding/json text for a float64: shortest round-trip digits, exponent form outside [1e-6, 1e21).</summary>
    public static string GoFloat(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new FormatException($"{value} is not a JSON number; Pulumi cannot pass it to the program");
        }

        var abs = Math.Abs(value);
        var r = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = r.StartsWith('-');
        var body = negative ? r[1..] : r;
        var e = body.IndexOf('E', StringComparison.Ordinal);
        var mantissa = e >= 0 ? body[..e] : body;
        var exponent = e >= 0 ? int.Parse(body[(e + 1)..], CultureInfo.InvariantCulture) : 0;
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = mantissa.Replace(".", "", StringComparison.Ordinal);
        var pointAt = (dot >= 0 ? dot : mantissa.Length) + exponent; // digits before the decimal point
        var lead = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        pointAt -= lead;
        if (digits.Length == 0)
        {
            return negative ? "-0" : "0";
        }

        string text;
        if (abs < 1e-6 || abs >= 1e21)
        {
            var exp = pointAt - 1;
            var frac = digits.Length > 1 ? "." + digits[1..] : "";
            var expText = Math.Abs(exp) < 10 && exp >= 0 ? $"+0{exp}" : exp >= 0 ? $"+{exp}" : $"-{-exp}";
            text = $"{digits[0]}{frac}e{expText}";
        }
        else if (pointAt <= 0)
        {
            text = "0." + new string('0', -pointAt) + digits;
        }
        else if (pointAt >= digits.Length)
        {
            text = digits + new string('0', pointAt - digits.Length);
        }
        else
        {
            text = digits[..pointAt] + "." + digits[pointAt..];
        }

        return negative ? "-" + text : text;
    }

    /// <summary>True when a {secure: ...} value sits anywhere in <paramref name="node"/>: Pulumi then treats the whole key as secret.</summary>
    public static bool HoldsSecret(YamlNode node)
    {
        var seen = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<YamlNode>([node]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current))
            {
                continue; // an alias: already looked at
            }

            if (SecureValue(current) is not null)
            {
                return true;
            }

            var children = current switch
            {
                YamlMappingNode map => map.Children.SelectMany(kv => new[] { kv.Key, kv.Value }),
                YamlSequenceNode list => list.Children,
                _ => [],
            };
            foreach (var child in children)
            {
                pending.Push(child);
            }
        }

        return false;
    }

    private static string? SecureValue(YamlNode node) =>
        node is YamlMappingNode { Children.Count: 1 } map
        && map.Children.First() is { Key: YamlScalarNode { Value: "secure" }, Value: YamlScalarNode value }
            ? value.Value
            : null;

    private static void Write(Utf8JsonWriter writer, YamlNode node, ValuePath path, Context context)
    {
        switch (node)
        {
            case YamlMappingNode map when SecureValue(map) is not null:
                context.Secret = true;
                writer.WriteStringValue(SecretPlaceholder);
                break;
            case YamlMappingNode map:
                var item = path.Item ?? (path.InList && map.Children.TryGetValue(new YamlScalarNode("name"), out var named) && named is YamlScalarNode { Value: { Length: > 0 } label } ? label : null);
                var entries = new List<(string Key, YamlNode Value)>();
                foreach (var (key, value) in map.Children)
                {
                    if (key is not YamlScalarNode { Value: var name })
                    {
                        // go-yaml reads it, but Pulumi's JSON has only text keys, so the program never gets it.
                        throw new ValueException(path with { Item = item }, key.Start.Line, $"has a key that is a list or a mapping (`? [...]`); keys must be plain names");
                    }

                    entries.Add((name ?? "", value));
                }

                writer.WriteStartObject();
                foreach (var (key, value) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    Write(writer, value, path.Child(key, item), context);
                }

                writer.WriteEndObject();
                break;
            case YamlSequenceNode list:
                writer.WriteStartArray();
                var index = 0;
                foreach (var child in list.Children)
                {
                    Write(writer, child, path.Element(index++), context);
                }

                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                WriteScalar(writer, scalar, path, context.Rounded);
                break;
            default:
                throw new ValueException(path, node.Start.Line, $"is a YAML node Pulumi cannot pass to the program");
        }
    }

    // go-yaml v3's typing of plain (unquoted) scalars when decoding into interface{}.
    private static void WriteScalar(Utf8JsonWriter writer, YamlScalarNode scalar, ValuePath path, List<ValueNote> rounded)
    {
        if (YamlScalars.TryWriteStringOrKeyword(writer, scalar))
        {
            return;
        }

        var text = scalar.Value ?? "";
        switch (text)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "-.inf" or ".nan" or ".NaN" or ".NAN":
                throw new ValueException(path, scalar.Start.Line, $"{text} is not a JSON number; Pulumi cannot pass it to the program (quote it for a string)");
        }

        var plain = text.Replace("_", "", StringComparison.Ordinal);
        if (GoInteger(plain) is { } integer)
        {
            writer.WriteRawValue(integer);
        }
        else if (YamlFloat().IsMatch(plain) && double.Parse(plain, CultureInfo.InvariantCulture) is var value && double.IsFinite(value))
        {
            var go = GoFloat(value);
            if (Academy.Catalog.Items.NumberText.SignificantDigits(plain) > 15 && !SameNumber(plain, go))
            {
                rounded.Add(new ValueNote(path, scalar.Start.Line, $"the number {plain} is a YAML float to Pulumi, which hands the program {go}; put the item in seed/items to keep every digit"));
            }

            writer.WriteRawValue(go);
        }
        else if (YamlFloat().IsMatch(plain))
        {
            // Beyond a float64: go-yaml's ParseFloat fails with a range error, so Pulumi passes the text on as a string.
            rounded.Add(new ValueNote(path, scalar.Start.Line, $"the number {plain} is beyond a float64, so Pulumi hands it to the program as the string \"{plain}\"; write a number DynamoDB can hold, or put the item in seed/items"));
            writer.WriteStringValue(text);
        }
        else
        {
            writer.WriteStringValue(text); // timestamps too: go-yaml v3 keeps them strings in interface{}
        }
    }

    private static bool SameNumber(string a, string b) =>
        decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
        && decimal.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y) && x == y;

    // strconv.ParseInt(s, 0, 64) then ParseUint: decimal, 0x, 0o, 0b and a leading-0 octal.
    private static string? GoInteger(string text)
    {
        var negative = text.StartsWith('-');
        var body = text.TrimStart('+', '-');
        if (text.Length - body.Length > 1 || body.Length == 0)
        {
            return null;
        }

        (int radix, string digits) = body switch
        {
            _ when body.StartsWith("0x", StringComparison.OrdinalIgnoreCase) => (16, body[2..]),
            _ when body.StartsWith("0o", StringComparison.OrdinalIgnoreCase) => (8, body[2..]),
            _ when body.StartsWith("0b", StringComparison.OrdinalIgnoreCase) => (2, body[2..]),
            _ when body.Length > 1 && body[0] == '0' => (8, body[1..]),
            _ => (10, body),
        };
        if (digits.Length == 0)
        {
            return null;
        }

        System.Numerics.BigInteger value = 0;
        foreach (var c in digits)
        {
            var d = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => 99,
            };
            if (d >= radix)
            {
                return null;
            }

            value = (value * radix) + d;
        }

        if (negative)
        {
            value = -value;
        }

        return value >= long.MinValue && value <= ulong.MaxValue && !(negative && value > 0)
            ? value.ToString(CultureInfo.InvariantCulture)
            : null;
    }

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\z")]
    private static partial Regex YamlFloat();

    private sealed class Context
    {
        public bool Secret { get; set; }

        public List<ValueNote> Rounded { get; } = [];
    }
}
