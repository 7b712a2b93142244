using Academy.Catalog.Errors;
using Amazon.DynamoDBv2.Model;
using static Academy.Catalog.Errors.Shown;

namespace Academy.Catalog.Jobs;

/// <summary>
/// Typed reads of one attribute map, each problem reported as (attribute path, what to write
/// instead). <see cref="Ok"/> stays true only while every read succeeded.
/// </summary>
internal sealed class AttributeReader(IReadOnlyDictionary<string, AttributeValue> map, string path, Action<string, ErrorMessage> report, AttributeReader? parent = null)
{
    public bool Ok { get; private set; } = true;

    private AttributeReader? Parent { get; } = parent;

    /// <summary>A reader of a nested map (an M attribute or a list element); its failures fail this reader too.</summary>
    public AttributeReader Child(IReadOnlyDictionary<string, AttributeValue> child, string name) => new(child, PathOf(name), report, this);

    public string PathOf(string name) => Items.Paths.Child(path, name);

    public void Fail(string name, ErrorMessage message)
    {
        for (var reader = this; reader is not null; reader = reader.Parent)
        {
            reader.Ok = false;
        }

        report(PathOf(name), message);
    }

    public bool Has(string name) => map.ContainsKey(name);

    public string? String(string name, bool required = true, bool allowEmpty = false)
    {
        if (!Present(name, required, "a string (S)", out var value))
        {
            return null;
        }

        if (value.S is null)
        {
            Fail(name, $"must be a string (S), got {AttributeText.Of(value)}");
            return null;
        }

        if (!allowEmpty && value.S.Trim().Length == 0)
        {
            Fail(name, $"must not be empty");
            return null;
        }

        return value.S;
    }

    public string? OneOf(string name, IReadOnlyList<string> allowed, bool required = true)
    {
        var text = String(name, required);
        if (text is not null && !allowed.Contains(text, StringComparer.Ordinal))
        {
            Fail(name, $"'{text}' is not one of {Names(allowed)}");
            return null;
        }

        return text;
    }

    public bool? Bool(string name, bool required = true)
    {
        if (!Present(name, required, "true or false (BOOL)", out var value))
        {
            return null;
        }

        if (!value.IsBOOLSet || value.BOOL is null)
        {
            Fail(name, $"must be true or false (BOOL), got {AttributeText.Of(value)}; write a JSON true/false, not a string or number");
            return null;
        }

        return value.BOOL;
    }

    public IReadOnlyDictionary<string, AttributeValue>? Map(string name, bool required = true)
    {
        if (!Present(name, required, "a map (M)", out var value))
        {
            return null;
        }

        if (!value.IsMSet || value.M is null)
        {
            Fail(name, $"must be a map (M), i.e. a JSON object, got {AttributeText.Of(value)}");
            return null;
        }

        return value.M;
    }

    public IReadOnlyList<AttributeValue>? List(string name, bool required = true)
    {
        if (!Present(name, required, "a list (L)", out var value))
        {
            return null;
        }

        if (!value.IsLSet || value.L is null)
        {
            var hint = value.IsSSSet ? "; a string set (SS) has no order, use a list" : "";
            Fail(name, $"must be a list (L), i.e. a JSON array, got {AttributeText.Of(value)}{Words(hint)}");
            return null;
        }

        return value.L;
    }

    public IReadOnlyList<string>? StringList(string name, bool required = true)
    {
        if (List(name, required) is not { } list)
        {
            return null;
        }

        var strings = new List<string>();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].S is not { Length: > 0 } text)
            {
                Fail($"{name}[{i}]", $"must be a non-empty string (S), got {AttributeText.Of(list[i])}");
                return null;
            }

            if (strings.Contains(text, StringComparer.Ordinal))
            {
                Fail($"{name}[{i}]", $"'{text}' appears twice");
                return null;
            }

            strings.Add(text);
        }

        return strings;
    }

    private bool Present(string name, bool required, string wanted, out AttributeValue value)
    {
        if (map.TryGetValue(name, out value!) && value.NULL != true)
        {
            return true;
        }

        if (required)
        {
            Fail(name, $"is missing; it must be {Words(wanted)}");
        }

        return false;
    }
}
