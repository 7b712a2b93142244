using System.Text.RegularExpressions;
using Academy.Catalog.Errors;
using Amazon.DynamoDBv2.Model;
using static Academy.Catalog.Errors.Shown;

namespace Academy.Catalog.Jobs;

/// <summary>The field-by-field checks behind <see cref="JobConfig.Read"/>.</summary>
internal static partial class JobConfigReader
{
    private static readonly HashSet<string> KnownFields = [.. JobFields.ItemFields];

    public static JobConfig? Read(IReadOnlyDictionary<string, AttributeValue> item, Action<string, ErrorMessage> report)
    {
        var reader = new AttributeReader(item, "", report);
        foreach (var unknown in item.Keys.Where(k => !KnownFields.Contains(k)).Order(StringComparer.Ordinal))
        {
            reader.Fail(unknown, $"is not a jobs field (a typo?); fields are {Names(KnownFields)}");
        }

        var name = reader.String(JobFields.Name);
        var description = reader.String(JobFields.Description, required: false);
        var source = reader.String(JobFields.Source);
        var tableName = reader.String(JobFields.TableName);
        if (tableName is not null && !UrlSegment().IsMatch(tableName))
        {
            reader.Fail(JobFields.TableName, $"'{tableName}' goes into the partitions URL, so it may hold only letters, digits, _ . and -");
        }

        var enabled = reader.Bool(JobFields.Enabled);
        var schedule = reader.String(JobFields.Schedule);
        if (schedule is not null && Cron.Check(schedule) is { } cronProblem)
        {
            reader.Fail(JobFields.Schedule, cronProblem);
        }

        var columns = Columns(reader);
        var mode = reader.OneOf(JobFields.LoadMode, JobFields.LoadModes);
        var watermark = Watermark(reader, mode, columns);
        var format = Format(reader, columns);
        var primaryKey = reader.StringList(JobFields.PrimaryKey);
        if (primaryKey is { Count: 0 })
        {
            reader.Fail(JobFields.PrimaryKey, $"must name at least one column; the load merges and deduplicates on it");
        }

        ColumnsExist(reader, JobFields.PrimaryKey, primaryKey, columns, NullableKey);
        var partitions = reader.StringList(JobFields.PartitionColumns);
        ColumnsExist(reader, JobFields.PartitionColumns, partitions, columns, ArrayPartition);
        var target = Target(reader);

        if (!reader.Ok)
        {
            return null;
        }

        return new JobConfig
        {
            Name = name!,
            Description = description,
            Source = source!,
            TableName = tableName!,
            Enabled = enabled!.Value,
            Schedule = schedule!,
            LoadMode = mode == "incremental" ? LoadMode.Incremental : LoadMode.Full,
            WatermarkColumn = watermark,
            Format = format!,
            PrimaryKey = primaryKey!,
            PartitionColumns = partitions!,
            Target = target!,
            Columns = columns!,
        };
    }

    private static string? Watermark(AttributeReader reader, string? mode, IReadOnlyList<JobColumn>? columns)
    {
        var watermark = reader.String(JobFields.WatermarkColumn, required: false);
        if (mode == "incremental" && watermark is null && !reader.Has(JobFields.WatermarkColumn))
        {
            reader.Fail(JobFields.WatermarkColumn, $"is missing; an incremental load needs the column it resumes from (or set load_mode to full)");
        }
        else if (mode == "full" && reader.Has(JobFields.WatermarkColumn))
        {
            reader.Fail(JobFields.WatermarkColumn, $"is only read when load_mode is incremental; remove it, or set load_mode to incremental");
        }
        else if (watermark is not null && columns is not null && columns.All(c => c.Name != watermark))
        {
            reader.Fail(JobFields.WatermarkColumn, $"'{watermark}' is not among the columns ({string.Join(", ", columns.Select(c => c.Name))})");
        }

        return watermark;
    }

    private static void ColumnsExist(AttributeReader reader, string field, IReadOnlyList<string>? names, IReadOnlyList<JobColumn>? columns, Func<JobColumn, ErrorMessage?> rule)
    {
        if (names is null || columns is null)
        {
            return;
        }

        for (var i = 0; i < names.Count; i++)
        {
            var column = columns.FirstOrDefault(c => c.Name == names[i]);
            if (column is null)
            {
                reader.Fail($"{field}[{i}]", $"'{names[i]}' is not among the columns ({string.Join(", ", columns.Select(c => c.Name))})");
            }
            else if (rule(column) is { } problem)
            {
                reader.Fail($"{field}[{i}]", $"column '{column.Name}' {problem}");
            }
        }
    }

    private static ErrorMessage? NullableKey(JobColumn column)
    {
        if (column.Nullable)
        {
            return $"is nullable, and a primary-key column must not be (set \"nullable\": false if it never is null)";
        }

        return null;
    }

    // The type is one of JobFields.ColumnTypes by now, so it names a type rather than quoting a value.
    private static ErrorMessage? ArrayPartition(JobColumn column)
    {
        if (column.Type.StartsWith("array", StringComparison.Ordinal))
        {
            return $"is {Name(column.Type)}, and a partition column must be a single value";
        }

        return null;
    }

    private static List<JobColumn>? Columns(AttributeReader reader)
    {
        if (reader.List(JobFields.Columns) is not { } list)
        {
            return null;
        }

        if (list.Count == 0)
        {
            reader.Fail(JobFields.Columns, $"must list the dataset's columns in file order; it is empty");
            return null;
        }

        var columns = new List<JobColumn>();
        var ok = true;
        for (var i = 0; i < list.Count; i++)
        {
            var path = $"{JobFields.Columns}[{i}]";
            if (!list[i].IsMSet || list[i].M is null)
            {
                reader.Fail(path, $"must be a map such as {{\"name\": \"tconst\", \"type\": \"string\", \"nullable\": false}}, got {AttributeText.Of(list[i])}");
                ok = false;
                continue;
            }

            var column = reader.Child(list[i].M, path);
            var name = column.String(JobFields.ColumnName);
            var type = column.OneOf(JobFields.ColumnType, JobFields.ColumnTypes);
            var nullable = column.Bool(JobFields.ColumnNullable);
            var description = column.String(JobFields.ColumnDescription, required: false);
            if (name is not null && columns.Any(c => c.Name == name))
            {
                column.Fail(JobFields.ColumnName, $"'{name}' appears twice in columns");
            }

            ok &= column.Ok;
            if (column.Ok)
            {
                columns.Add(new JobColumn(name!, type!, nullable!.Value, description));
            }
        }

        return ok ? columns : null;
    }

    private static SourceFormat? Format(AttributeReader reader, IReadOnlyList<JobColumn>? columns)
    {
        if (reader.Map(JobFields.SourceFormat) is not { } map)
        {
            return null;
        }

        var format = reader.Child(map, JobFields.SourceFormat);
        var type = format.OneOf(JobFields.FormatType, JobFields.SourceFormats);
        var compression = format.OneOf(JobFields.Compression, JobFields.Compressions);
        var encoding = format.String(JobFields.Encoding);
        var delimiter = format.String(JobFields.Delimiter, allowEmpty: true);
        if (delimiter is not null && delimiter.Length != 1)
        {
            format.Fail(JobFields.Delimiter, $"must be one character, e.g. \"\\t\" for TSV, got '{delimiter}'");
        }

        var header = format.Bool(JobFields.Header);
        var quoting = format.Bool(JobFields.Quoting);
        var nullValue = format.String(JobFields.NullValue, allowEmpty: true);
        var arrayDelimiter = format.String(JobFields.ArrayDelimiter, required: false, allowEmpty: true);
        var arrays = columns?.Where(c => c.Type.StartsWith("array", StringComparison.Ordinal)).Select(c => c.Name).ToList() ?? [];
        if (arrays.Count > 0 && arrayDelimiter is null && !format.Has(JobFields.ArrayDelimiter))
        {
            format.Fail(JobFields.ArrayDelimiter, $"is missing; columns {string.Join(", ", arrays)} are arrays, so say what separates their elements (IMDb uses \",\")");
        }
        else if (arrayDelimiter is { Length: not 1 })
        {
            format.Fail(JobFields.ArrayDelimiter, $"must be one character, e.g. \",\", got '{arrayDelimiter}'");
        }

        return !format.Ok ? null : new SourceFormat(type!, compression!, encoding!, delimiter!, header!.Value, quoting!.Value, nullValue!, arrayDelimiter);
    }

    private static JobTarget? Target(AttributeReader reader)
    {
        if (reader.Map(JobFields.Target) is not { } map)
        {
            return null;
        }

        var target = reader.Child(map, JobFields.Target);
        var format = target.OneOf(JobFields.TargetFormat, JobFields.TargetFormats);
        var path = target.String(JobFields.TargetPath);
        return target.Ok ? new JobTarget(format!, path!) : null;
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]+\\z")]
    private static partial Regex UrlSegment();
}
