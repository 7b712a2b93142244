using System.Text.Json.Nodes;

namespace Academy.Catalog.Tests.Jobs;

public class FieldCheckTests
{
    private static IEnumerable<TestCaseData> BadJobs()
    {
        static TestCaseData Case(string name, Action<JsonObject> edit, string field, string message) =>
            new TestCaseData(edit, field, message).SetName($"BadJob_{name}");

        yield return Case("EnabledAsString", j => j["enabled"] = "true", "enabled", "must be true or false (BOOL), got {\"S\":\"true\"}");
        yield return Case("EnabledAsNumber", j => j["enabled"] = 1, "enabled", "must be true or false (BOOL), got {\"N\":\"1\"}");
        yield return Case("EnabledMissing", j => j.Remove("enabled"), "enabled", "is missing; it must be true or false (BOOL)");
        yield return Case("ScheduleFourFields", j => j["schedule"] = "0 3 * *", "schedule", "'0 3 * *' has 4 fields, a cron needs 5");
        yield return Case("ScheduleWithSeconds", j => j["schedule"] = "0 0 3 * * *", "schedule", "has 6 fields, a cron needs 5");
        yield return Case("ScheduleHourOutOfRange", j => j["schedule"] = "0 25 * * *", "schedule", "'0 25 * * *': hour '25' is outside 0-23");
        yield return Case("ScheduleMacro", j => j["schedule"] = "@daily", "schedule", "macros such as @daily are not portable");
        yield return Case("LoadModeUnknown", j => j["load_mode"] = "delta", "load_mode", "'delta' is not one of full, incremental");
        yield return Case("IncrementalWithoutWatermark", j => j["load_mode"] = "incremental", "watermark_column", "is missing; an incremental load needs the column it resumes from");
        yield return Case("WatermarkOnFullLoad", j => j["watermark_column"] = "tconst", "watermark_column", "is only read when load_mode is incremental");
        yield return Case("WatermarkNotAColumn", j => { j["load_mode"] = "incremental"; j["watermark_column"] = "updated_at"; }, "watermark_column", "'updated_at' is not among the columns (tconst, averageRating, numVotes)");
        yield return Case("ColumnsEmpty", j => j["columns"] = new JsonArray(), "columns", "must list the dataset's columns in file order; it is empty");
        yield return Case("ColumnNotAMap", j => j["columns"]!.AsArray()[2] = "numVotes", "columns[2]", "must be a map such as");
        yield return Case("ColumnTypeUnknown", j => j["columns"]![1]!["type"] = "float", "columns[1].type", "'float' is not one of string, int, bigint, double");
        yield return Case("ColumnTypeMissing", j => j["columns"]![1]!.AsObject().Remove("type"), "columns[1].type", "is missing; it must be a string (S)");
        yield return Case("ColumnNullableAsString", j => j["columns"]![2]!["nullable"] = "no", "columns[2].nullable", "must be true or false (BOOL)");
        yield return Case("ColumnTwice", j => j["columns"]![2]!["name"] = "tconst", "columns[2].name", "'tconst' appears twice in columns");
        yield return Case("PrimaryKeyNotAColumn", j => j["primary_key"] = new JsonArray("titleId"), "primary_key[0]", "'titleId' is not among the columns (tconst, averageRating, numVotes)");
        yield return Case("PrimaryKeyNullable", j => j["columns"]![0]!["nullable"] = true, "primary_key[0]", "column 'tconst' is nullable, and a primary-key column must not be");
        yield return Case("PrimaryKeyEmpty", j => j["primary_key"] = new JsonArray(), "primary_key", "must name at least one column");
        yield return Case("PrimaryKeyAsString", j => j["primary_key"] = "tconst", "primary_key", "must be a list (L), i.e. a JSON array, got {\"S\":\"tconst\"}");
        yield return Case("PartitionColumnNotAColumn", j => j["partition_columns"] = new JsonArray("year"), "partition_columns[0]", "'year' is not among the columns");
        yield return Case("SourceFormatCompressionUnknown", j => j["source_format"]!["compression"] = "zip", "source_format.compression", "'zip' is not one of gzip, none");
        yield return Case("SourceFormatHeaderAsString", j => j["source_format"]!["header"] = "yes", "source_format.header", "must be true or false (BOOL)");
        yield return Case("SourceFormatDelimiterTwoChars", j => j["source_format"]!["delimiter"] = "\\t", "source_format.delimiter", "must be one character");
        yield return Case("TargetAsString", j => j["target"] = "s3://bucket/imdb/", "target", "must be a map (M), i.e. a JSON object");
        yield return Case("TargetPathMissing", j => j["target"]!.AsObject().Remove("path"), "target.path", "is missing");
        yield return Case("TableNameWithSlash", j => j["table_name"] = "title/ratings", "table_name", "'title/ratings' goes into the partitions URL");
        yield return Case("UnknownField", j => j["schedul"] = "0 3 * * *", "schedul", "is not a jobs field (a typo?)");
    }

    [TestCaseSource(nameof(BadJobs))]
    public void ABadFieldOfAJobsItemIsAnErrorNamingTheItemAndTheField(Action<JsonObject> edit, string field, string message)
    {
        using var project = new JobsScratch();
        project.EditJob("title_ratings", edit);

        var errors = project.Errors();

        var error = errors.FirstOrDefault(e => e.Message.StartsWith($"attribute '{field}': ", StringComparison.Ordinal));
        Assert.That(error, Is.Not.Null, string.Join("\n", errors));
        Assert.Multiple(() =>
        {
            Assert.That(error!.Source, Is.EqualTo(JobsScratch.JobsFile));
            Assert.That(error.Item, Is.EqualTo("title_ratings"));
            Assert.That(error.Message, Does.Contain(message));
        });
    }

    [Test]
    public void AnArrayPartitionColumnIsRejected()
    {
        using var project = new JobsScratch();
        project.EditJob("title_basics", j => j["partition_columns"] = new JsonArray("genres"));

        var error = project.Errors().Single();

        Assert.That(error.Item, Is.EqualTo("title_basics"));
        Assert.That(error.Message, Is.EqualTo("attribute 'partition_columns[0]': column 'genres' is array<string>, and a partition column must be a single value"));
    }

    [Test]
    public void ArrayColumnsNeedAnArrayDelimiter()
    {
        using var project = new JobsScratch();
        project.EditJob("title_crew", j => j["source_format"]!.AsObject().Remove("array_delimiter"));

        var error = project.Errors().Single();

        Assert.That(error.Item, Is.EqualTo("title_crew"));
        Assert.That(error.Message, Does.StartWith("attribute 'source_format.array_delimiter': is missing; columns directors, writers are arrays"));
    }
}
