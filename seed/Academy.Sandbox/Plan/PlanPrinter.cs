using Academy.Catalog;
using Academy.Catalog.Errors;
using Academy.Catalog.Items;
using Academy.Catalog.Settings;
using Academy.Catalog.Tables;
using Academy.Sandbox.Cli;

namespace Academy.Sandbox.Plan;

/// <summary>The catalog as the Pulumi program declares it: tables with their options, every item in DynamoDB JSON.</summary>
public static class PlanPrinter
{
    public static void Text(Academy.Catalog.Catalog catalog, string configSource, TextWriter output)
    {
        output.WriteLine($"Learner {catalog.Settings.User} ({configSource})");
        output.WriteLine();
        output.WriteLine("Tables");
        foreach (var table in catalog.Tables)
        {
            var key = table.RangeKey is null
                ? $"hash {table.HashKey.Name} ({table.HashKey.Type})"
                : $"hash {table.HashKey.Name} ({table.HashKey.Type}), range {table.RangeKey.Name} ({table.RangeKey.Type})";
            var billing = table.Options.BillingMode == BillingMode.Provisioned
                ? $"PROVISIONED {table.Options.ReadCapacity} read / {table.Options.WriteCapacity} write"
                : "PAY_PER_REQUEST";
            output.WriteLine($"  {table.Key,-8} {table.Name}");
            output.WriteLine($"           key {key}; {billing}");
            output.WriteLine($"           point-in-time recovery {OnOff(table.Options.PointInTimeRecovery)}; deletion protection {OnOff(table.Options.DeletionProtection)}; "
                + $"encryption {(table.Options.ServerSideEncryption ? $"KMS ({table.Options.KmsKeyArn ?? "AWS managed key"})" : "AWS owned key")}");
            output.WriteLine($"           tags {string.Join(", ", Masking.Tags(table.Options).Select(t => $"{t.Key}={t.Value}"))}");
        }

        output.WriteLine();
        output.WriteLine($"Items ({catalog.Items.Count:N0})");
        foreach (var item in catalog.Items)
        {
            var table = catalog.Table(item.TableKey);
            output.WriteLine($"  {Excerpt.Escape(item.LogicalName)}  from {item.Source}, {item.SizeBytes:N0} bytes{(item.Secret ? ", secret (values masked)" : "")}");
            output.WriteLine($"    {DynamoJsonWriter.Write(Masking.Printable(item, table))}");
        }

        output.Write(catalog.Items.Any(i => i.HasSet) ? $"{Environment.NewLine}{CatalogItem.SetsNote}{Environment.NewLine}" : "");
    }

    public static void Json(Academy.Catalog.Catalog catalog, string configSource, TextWriter output) =>
        JsonOutput.Write(output, PlanDocument.Of(catalog, configSource));

    private static string OnOff(bool value) => value ? "on" : "off";
}
