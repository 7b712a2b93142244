using System.Text.Encodings.Web;
using System.Text.Json;

namespace Academy.Sandbox.Show;

/// <summary>`show` output: a readable table, or JSON for scripts.</summary>
public static class ShowPrinter
{
    public static void Text(EtlView view, TextWriter output)
    {
        output.WriteLine($"What the ETL sees for learner {view.User} at {view.Target}");
        if (view.Sources.Count == 0)
        {
            output.WriteLine($"  {view.GlobalTable} holds no items; run `academy-sandbox up`");
        }

        foreach (var source in view.Sources)
        {
            output.WriteLine();
            output.WriteLine($"Global settings: {source.Name} ({view.GlobalTable}){(source.Secret ? " [secret: values masked]" : "")}");
            var width = Math.Max(8, source.Settings.Select(s => s.Key.Length).DefaultIfEmpty(0).Max());
            foreach (var (key, value) in source.Settings)
            {
                output.WriteLine($"  {key.PadRight(width)}  {EtlResolver.Display(value)}");
            }

            if (source.Secret)
            {
                continue;
            }

            output.WriteLine($"  {"base URL".PadRight(width)}  {source.BaseUrl ?? "(cannot be resolved)"}");
            foreach (var problem in source.Problems)
            {
                output.WriteLine($"  ! {problem}");
            }

            output.WriteLine();
            output.WriteLine($"Jobs of {source.Name} ({source.Jobs.Count}, from {view.JobsTable})");
            if (source.Jobs.Count == 0)
            {
                continue;
            }

            var nameWidth = Math.Max(3, source.Jobs.Max(j => j.Name.Length));
            var tableWidth = Math.Max(10, source.Jobs.Max(j => j.TableName.Length));
            output.WriteLine($"  {"JOB".PadRight(nameWidth)}  {"TABLE_NAME".PadRight(tableWidth)}  ENABLED  PARTITIONS URL");
            foreach (var job in source.Jobs)
            {
                var enabled = job.Enabled switch { true => "yes", false => "no", null => "-" };
                output.WriteLine($"  {job.Name.PadRight(nameWidth)}  {job.TableName.PadRight(tableWidth)}  {enabled,-7}  {job.PartitionsUrl ?? "(cannot be resolved)"}");
                foreach (var problem in job.Problems)
                {
                    output.WriteLine($"  {"".PadRight(nameWidth)}  ! {problem}");
                }
            }
        }
    }

    public static void Json(EtlView view, TextWriter output)
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        output.WriteLine(JsonSerializer.Serialize(new
        {
            view.User,
            view.Target,
            view.GlobalTable,
            view.JobsTable,
            Sources = view.Sources.Select(s => new
            {
                s.Name,
                s.Secret,
                Settings = s.Settings.ToDictionary(kv => kv.Key, kv => JsonValue(kv.Value)),
                s.BaseUrl,
                s.Problems,
                s.Jobs,
            }),
        }, options));
    }

    // Strings and booleans as JSON values, numbers as their exact text, anything else as DynamoDB JSON.
    private static object JsonValue(Amazon.DynamoDBv2.Model.AttributeValue value) =>
        value.S ?? value.N ?? (value.BOOL is { } b ? b : (object)JsonDocument.Parse(Compare.AttributeValues.Text(value)).RootElement.Clone());
}
