using System.Text.Encodings.Web;
using System.Text.Json;
using Academy.Catalog;
using Academy.Catalog.Items;
using Academy.Catalog.Settings;
using Academy.Catalog.Tables;

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
            output.WriteLine($"           tags {string.Join(", ", table.Options.Tags.Select(t => $"{t.Key}={t.Value}"))}");
        }

        output.WriteLine();
        output.WriteLine($"Items ({catalog.Items.Count:N0})");
        foreach (var item in catalog.Items)
        {
            var table = catalog.Table(item.TableKey);
            output.WriteLine($"  {item.LogicalName}  from {item.Source}, {item.SizeBytes:N0} bytes{(item.Secret ? ", secret (values masked)" : "")}");
            output.WriteLine($"    {DynamoJsonWriter.Write(Masking.Printable(item, table))}");
        }

        output.Write(catalog.Items.Any(i => i.HasSet) ? $"{Environment.NewLine}{CatalogItem.SetsNote}{Environment.NewLine}" : "");
    }

    public static void Json(Academy.Catalog.Catalog catalog, string configSource, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("user", catalog.Settings.User);
            writer.WriteString("config", configSource);
            writer.WriteStartArray("tables");
            foreach (var table in catalog.Tables)
            {
                WriteTable(writer, table);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("items");
            foreach (var item in catalog.Items)
            {
                var table = catalog.Table(item.TableKey);
                writer.WriteStartObject();
                writer.WriteString("table", item.TableKey);
                writer.WriteString("tableName", table.Name);
                writer.WriteString("key", item.Key.ToString());
                writer.WriteString("logicalName", item.LogicalName);
                writer.WriteString("source", item.Source);
                writer.WriteBoolean("secret", item.Secret);
                writer.WriteNumber("sizeBytes", item.SizeBytes);
                writer.WritePropertyName("item");
                DynamoJsonWriter.WriteMap(writer, Masking.Printable(item, table));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteTable(Utf8JsonWriter writer, TableSpec table)
    {
        writer.WriteStartObject();
        writer.WriteString("key", table.Key);
        writer.WriteString("name", table.Name);
        writer.WriteStartObject("hashKey");
        writer.WriteString("name", table.HashKey.Name);
        writer.WriteString("type", table.HashKey.Type);
        writer.WriteEndObject();
        if (table.RangeKey is not null)
        {
            writer.WriteStartObject("rangeKey");
            writer.WriteString("name", table.RangeKey.Name);
            writer.WriteString("type", table.RangeKey.Type);
            writer.WriteEndObject();
        }

        writer.WriteString("billingMode", table.Options.BillingMode.ToApiName());
        if (table.Options.ReadCapacity is { } read)
        {
            writer.WriteNumber("readCapacity", read);
        }

        if (table.Options.WriteCapacity is { } write)
        {
            writer.WriteNumber("writeCapacity", write);
        }

        writer.WriteBoolean("pointInTimeRecovery", table.Options.PointInTimeRecovery);
        writer.WriteBoolean("deletionProtection", table.Options.DeletionProtection);
        writer.WriteBoolean("serverSideEncryption", table.Options.ServerSideEncryption);
        if (table.Options.KmsKeyArn is not null)
        {
            writer.WriteString("kmsKeyArn", table.Options.KmsKeyArn);
        }

        writer.WriteStartObject("tags");
        foreach (var (key, value) in table.Options.Tags)
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static string OnOff(bool value) => value ? "on" : "off";
}
