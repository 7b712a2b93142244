using System.Text.Json.Nodes;
using Academy.Catalog.Errors;
using Academy.Catalog.Tests.Support;

namespace Academy.Catalog.Tests.Safety;

/// <summary>
/// Every kind of message that quotes a value, given a value from a secret config key: the message
/// must print none of it (long, cut, JSON-escaped, one or two characters, a schedule, a URL
/// placeholder), yet still name the item and the attribute and keep its wording. Each case also
/// runs with the same config as plain text, where the value must appear, so a case that stopped
/// quoting the value would fail instead of passing for nothing.
/// </summary>
public class SecretMessageTests
{
    private const string Job = "title_ratings";
    private const string Global = "imdb-rest-api";
    private const string Items = "academy:items";

    private static readonly string Long = "long-secret-" + new string('q', 150);

    public static IEnumerable<TestCaseData> Cases()
    {
        // Numbers, keys and JSON syntax, for any table.
        yield return Case("39 significant digits", GlobalWith(g => g["retries"] = JsonNode.Parse("123456789012345678901234567890123456789")),
            "123456789012345678901234567890123456789", Global, "retries", "has 39 significant digits; DynamoDB keeps at most 38");
        yield return Case("number beyond range", GlobalWith(g => g["limit"] = JsonNode.Parse("7e126")), "7e126", Global, "limit", "is outside DynamoDB's range: magnitudes from 1E-130 to 9.99...E+125 (and 0)");
        yield return Case("number with a huge exponent", GlobalWith(g => g["limit"] = JsonNode.Parse("3e99999")), "3e99999", Global, "limit", "is outside DynamoDB's range");
        yield return Case("number as the key", ItemsConfig("global", """[{"name": 42}]"""), "{\"N\":\"42\"}", "#1", "name", "the key must be a non-empty string, got");
        yield return Case("malformed JSON", new() { [Items] = """{"global": [{"name": "x", "token": gZ}]}""" }, "'g'", null, null, "malformed JSON at line 1, position ");

        // Fields of a jobs item.
        yield return Case("string attribute given a number", JobWith(j => j["description"] = 86), "{\"N\":\"86\"}", Job, "description", "must be a string (S), got");
        yield return Case("value with a quote", JobWith(j => j["enabled"] = "se\"cret-enabled"), "se\"cret-enabled", Job, "enabled", "must be true or false (BOOL), got");
        yield return Case("long value that messages cut", JobWith(j => j["primary_key"] = Long), Long[..40], Job, "primary_key", "must be a list (L), i.e. a JSON array, got");
        yield return Case("two-character value", JobWith(j => j["load_mode"] = "zq"), "'zq'", Job, "load_mode", "is not one of full, incremental");
        yield return Case("one-character delimiter list", JobWith(j => j["source_format"]!["delimiter"] = "ab\"c"), "ab\"c", Job, "source_format.delimiter", "must be one character");
        yield return Case("map given a string", JobWith(j => j["target"] = "s3://secret-bucket/x/"), "secret-bucket", Job, "target", "must be a map (M), i.e. a JSON object, got");
        yield return Case("table name with a slash", JobWith(j => j["table_name"] = "sec/ret"), "sec/ret", Job, "table_name", "goes into the partitions URL");
        yield return Case("schedule with six fields", JobWith(j => j["schedule"] = "17 4 * * * 2031"), "17 4 * * * 2031", Job, "schedule", "has 6 fields, a cron needs 5");
        yield return Case("schedule out of range", JobWith(j => j["schedule"] = "9 27 * * *"), "9 27", Job, "schedule", "hour");
        yield return Case("watermark not a column", JobWith(j => { j["load_mode"] = "incremental"; j["watermark_column"] = "wm-secret"; }),
            "wm-secret", Job, "watermark_column", "is not among the columns");
        yield return Case("column names in a message", JobWith(j => j["primary_key"] = new JsonArray("pk-secret")), "pk-secret", Job, "primary_key[0]", "is not among the columns");
        yield return Case("column twice", JobWith(j => j["columns"]![2]!["name"] = "tconst"), "'tconst'", Job, "columns[2].name", "appears twice in columns");
        yield return Case("list element twice", JobWith(j => j["primary_key"] = new JsonArray("tconst", "tconst")), "'tconst'", Job, "primary_key[1]", "appears twice");

        // The global item and its URL templates.
        yield return Case("URL placeholder that cannot be filled", GlobalWith(g => g["url"] = "{method}{host_slot_secret}/{prefix}"),
            "host_slot_secret", Global, "url", "cannot be filled: no string or number attribute");
        yield return Case("URL placeholder that is not a name", GlobalWith(g => g["url"] = "{method}{ho-st}"), "ho-st", Global, "url", "a placeholder is an attribute name");
        yield return Case("URL that resolves to no URL", GlobalWith(g => { g["prefix"] = "prefix-secret"; g["url"] = "{prefix}"; }),
            "prefix-secret", Global, "url", "which is not an absolute http(s) URL");
        yield return Case("partitions placeholder that cannot be filled", GlobalWith(g => g["partitions_uri"] = "/p/{slot_secret}"),
            "slot_secret", Global, "partitions_uri", "cannot be filled: no string or number attribute");
        yield return Case("jobs list with a number", GlobalWith(g => g["jobs"] = "[7654321]"), "7654321", Global, "jobs", "of the JSON list is");
        yield return Case("jobs list that is not JSON", GlobalWith(g => g["jobs"] = "[ghost"), "'g'", Global, "jobs", "is not a valid JSON list of job names (malformed JSON at line 1");
        yield return Case("jobs list naming a job twice", GlobalWith(g => g["jobs"] = """["ghost-secret", "ghost-secret"]"""), "ghost-secret", Global, "jobs", "twice");
        yield return Case("jobs list naming no job", GlobalWith(g => g["jobs"] = SeedJobsPlus("ghost-secret")), "ghost-secret", Global, "jobs", "but the jobs table has no item with name");

        // Cross-checks: a secret job quoted in a message about the seed's global item, and the reverse.
        yield return Case("secret job's source quoted on a seed global item", JobWith(j => j["source"] = "hidden-source"),
            "hidden-source", Global, "jobs", "but that job's source is");
        yield return Case("secret job's source that names no item", JobWith(j => j["source"] = "hidden-source"),
            "hidden-source", Job, "source", "which does not exist; global items are 'imdb-rest-api'");
        yield return Case("seed jobs against a secret global item's partitions", GlobalWith(g => g["partitions_uri"] = "/p/{table_name}/{slot_secret}"),
            "slot_secret", Global, "partitions_uri", "(for jobs name_basics, title_basics");

        // Other keys set as secrets.
        yield return Case("secret billing mode", Config1("billingMode", "ON_DEMAND_SECRET"), "ON_DEMAND_SECRET", null, null, "is not a billing mode; use PROVISIONED or PAY_PER_REQUEST");
        yield return Case("secret capacity", Config1("readCapacity", "0"), "'0'", null, null, "is not a whole number from 1 to 40000");
        yield return Case("secret boolean", Config1("protect", "yes"), "'yes'", null, null, "is not true or false");
        yield return Case("secret KMS key", new() { ["academy:serverSideEncryption"] = "true", ["academy:kmsKeyArn"] = "kms-secret" },
            "kms-secret", null, null, "is not a KMS key ARN");
        yield return Case("secret IAM role", Config1("etlRoleName", "arn:aws:iam::1:role/role-secret"), "role-secret", null, null, "is an ARN; give the role's name only");
        yield return Case("secret learner name", Config1("user", "us er"), "us er", null, null, "cannot name a table: table name '***' has characters DynamoDB does not allow");
    }

    [TestCaseSource(nameof(Cases))]
    public void AMessageAboutSecretDataNamesTheItemAndAttributeButNoValue(
        Dictionary<string, string> config, string leak, string? item, string? attribute, string wording)
    {
        var secretKey = config.Keys.Single(k => k != "academy:serverSideEncryption");
        var plain = Failures.Of(() => TestProject.Build(config: config)).Select(e => e.ToString()).ToList();
        var secret = Failures.Of(() => TestProject.Build(config: config, secretKeys: [secretKey]));
        var texts = secret.Select(e => e.ToString()).ToList();
        var escaped = leak.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal); // as DynamoDB JSON quotes it

        Assert.Multiple(() =>
        {
            Assert.That(plain, Has.Some.Contain(leak).Or.Some.Contain(escaped), "the same config as plain text quotes the value");
            Assert.That(texts, Has.None.Contain(leak).And.None.Contain(escaped));
            var about = secret.Where(e => e.ToString().Contains(wording, StringComparison.Ordinal)).ToList();
            Assert.That(about, Is.Not.Empty, string.Join("\n", texts));
            Assert.That(about, Has.All.Matches<CatalogError>(e => e.Secret));
            if (item is not null)
            {
                Assert.That(about.Select(e => e.Item), Has.Some.EqualTo(item));
            }

            if (attribute is not null)
            {
                Assert.That(about.Select(e => e.Message), Has.Some.StartWith($"attribute '{attribute}'"));
            }
        });
    }

    [Test]
    public void ErrorsAboutPlainDataRenderExactlyAsWritten()
    {
        var config = ItemsConfig("global", """[{"name": "x", "mode": "zq", "n": 7e126}]""");

        var plain = Failures.Of(() => TestProject.Build(config: config)).Single();

        Assert.Multiple(() =>
        {
            Assert.That(plain.Secret, Is.False);
            Assert.That(plain.ToString(), Is.EqualTo("config academy:items.global: item 'x': attribute 'n': 7e126 is outside DynamoDB's range: magnitudes from 1E-130 to 9.99...E+125 (and 0)"));
        });
    }

    [Test]
    public void ASecretItemsKeyLeavesErrorsAboutSeedFilesUnmasked()
    {
        using var project = new ScratchProject();
        BadInput.GlobalWith("""{"name": "seed-x", "n": 7e126}""")(project);
        var config = ItemsConfig("global", """[{"name": "cfg", "n": 8e126}]""");

        var errors = Failures.Of(() => TestProject.Build(config: config, secretKeys: [Items], paths: project.Paths));

        Assert.That(errors.Select(e => e.ToString()), Is.EquivalentTo(new[]
        {
            "seed/items/global.json: item 'seed-x': attribute 'n': 7e126 is outside DynamoDB's range: magnitudes from 1E-130 to 9.99...E+125 (and 0)",
            "config academy:items.global: item 'cfg': attribute 'n': *** is outside DynamoDB's range: magnitudes from 1E-130 to 9.99...E+125 (and 0)",
        }));
    }

    private static TestCaseData Case(string name, Dictionary<string, string> config, string leak, string? item, string? attribute, string wording) =>
        new TestCaseData(config, leak, item, attribute, wording).SetName($"SecretValueNotQuoted_{name.Replace(' ', '_')}");

    private static Dictionary<string, string> Config1(string key, string value) => new() { [$"academy:{key}"] = value };

    private static Dictionary<string, string> ItemsConfig(string table, string list) => new() { [Items] = $$"""{"{{table}}": {{list}}}""" };

    private static Dictionary<string, string> JobWith(Action<JsonObject> edit) => SeedItemWith("jobs", Job, edit);

    private static Dictionary<string, string> GlobalWith(Action<JsonObject> edit) => SeedItemWith("global", Global, edit);

    // The seed's item with one change, in academy:items, where it replaces the seed's own.
    private static Dictionary<string, string> SeedItemWith(string table, string key, Action<JsonObject> edit)
    {
        var items = JsonNode.Parse(File.ReadAllText(TestProject.Repo.Resolve($"seed/items/{table}.json")))!.AsArray();
        var item = items.Single(i => (string?)i!["name"] == key)!.DeepClone().AsObject();
        edit(item);
        return ItemsConfig(table, new JsonArray(item).ToJsonString());
    }

    private static string SeedJobsPlus(string extra)
    {
        var jobs = JsonNode.Parse(File.ReadAllText(TestProject.Repo.Resolve("seed/items/jobs.json")))!.AsArray();
        return new JsonArray([.. jobs.Select(j => JsonValue.Create((string)j!["name"]!)), JsonValue.Create(extra)]).ToJsonString();
    }
}
