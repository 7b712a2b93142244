namespace Academy.Infra.Tests.Support;

/// <summary>
/// Reads mocked inputs in the shapes the engine delivers them: nested objects as dictionaries,
/// lists as arrays of objects, numbers as double.
/// </summary>
public static class Inputs
{
    public static IReadOnlyDictionary<string, object> Map(object value) => (IReadOnlyDictionary<string, object>)value;

    public static IReadOnlyList<object> List(object value) => ((IEnumerable<object>)value).ToList();

    public static string Text(object value) => (string)value;
}
