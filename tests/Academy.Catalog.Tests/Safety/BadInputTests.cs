using Academy.Catalog.Errors;
using Academy.Catalog.Tables;
using Academy.Catalog.Tests.Support;
using static Academy.Catalog.Tests.Safety.BadInput;

namespace Academy.Catalog.Tests.Safety;

/// <summary>
/// Every kind of bad input a learner can bring, each built from a scratch copy of the project: the
/// build must refuse it as a whole (no catalog, so nothing can be declared or written) with an error
/// that names where to fix it, the item where there is one, and what is wrong.
/// </summary>
public partial class BadInputTests
{
    private const string JobsTable = """
        "jobs": {"AttributeDefinitions": [{"AttributeName": "name", "AttributeType": "S"}], "KeySchema": [{"AttributeName": "name", "KeyType": "HASH"}]}
        """;

    private const string User = "config academy:user";
    private const string Items = "config academy:items";
    private const string ItemsGlobal = "config academy:items.global";

    private static readonly string Big = new('x', 410_000);

    // tables.json with one table replaced (or renamed) and the jobs table as the seed declares it.
    private static Action<ScratchProject> TablesWith(string key, string definition) =>
        Write(TablesFile, "{\"" + key + "\": " + definition + ", " + JobsTable.Trim() + "}");

    public static IEnumerable<BadInput> Cases()
    {
        // Learner names: they name the tables.
        yield return new("user with a space", User, null, "'alice smith' cannot name a table: table name 'alice smith-academy-global' has characters DynamoDB does not allow",
            Config: Config1("user", "alice smith"));
        yield return new("user with a slash", User, null, "has characters DynamoDB does not allow", Config: Config1("user", "team/alice"));
        yield return new("user with a non-ASCII letter", User, null, "has characters DynamoDB does not allow", Config: Config1("user", "žana"));
        yield return new("user too long for a table name", User, null, "is 256 characters; DynamoDB allows 3 to 255",
            Config: Config1("user", new string('a', 241)));
        yield return new("stack name that cannot name a table", "config academy:user (not set, so the stack name 'alice@home')", null,
            "has characters DynamoDB does not allow", Stack: "alice@home");

        // Keys.
        yield return new("item without its key", GlobalFile, "#2", "has no key attribute 'name'; every item needs one", GlobalWith("""{"tz": "UTC"}"""));
        yield return new("empty key", GlobalFile, "#2", "attribute 'name': the key must be a non-empty string, got {\"name\":{\"S\":\"\"}}", GlobalWith("""{"name": ""}"""));
        yield return new("number as key", GlobalFile, "#2", "the key must be a non-empty string, got {\"name\":{\"N\":\"42\"}}", GlobalWith("""{"name": 42}"""));
        yield return new("null as key", GlobalFile, "#2", "the key must be a non-empty string", GlobalWith("""{"name": null}"""));
        yield return new("config item without its key", ItemsGlobal, "#1", "has no key attribute 'name'",
            Config: Config1("items", """{"global": [{"tz": "UTC"}]}"""));

        // JSON syntax.
        yield return new("trailing comma in a seed file", GlobalFile, null, "malformed JSON at line 3, position",
            Write(GlobalFile, "[\n  {\"name\": \"imdb-rest-api\",\n   \"tz\": \"Europe/Zagreb\",}\n]"));
        yield return new("unclosed seed file", GlobalFile, null, "malformed JSON", Write(GlobalFile, """[{"name": "imdb-rest-api" """));
        yield return new("empty seed file", GlobalDynamoFile, null, "is empty; write [] for a table without items", Write(GlobalDynamoFile, ""));
        yield return new("malformed tables.json", TablesFile, null, "malformed JSON at line 1", Write(TablesFile, """{"global": {"KeySchema": [}"""));
        yield return new("malformed academy:items", Items, null, "malformed JSON", Config: Config1("items", """{"global": ["""));
        yield return new("malformed academy:tags", "config academy:tags", null, "malformed JSON", Config: Config1("tags", "{cohort: autumn}"));

        // Types and shapes.
        yield return new("seed file holding one object, not a list", GlobalFile, null, "must be a JSON array of items, not an object",
            Write(GlobalFile, """{"name": "imdb-rest-api"}"""));
        yield return new("item that is a string", GlobalFile, "#2", "an item must be an object of attribute name to value, not a string", GlobalWith("\"imdb\""));
        yield return new("academy:items not a map", Items, null, "must be an object, not an array", Config: Config1("items", """[{"name": "x"}]"""));
        yield return new("academy:items as plain text", Items, null, "must be an object such as {\"global\": [{\"name\": \"x\"}]}, not plain text",
            Config: Config1("items", "hello"));
        yield return new("academy:tags as plain text", "config academy:tags", null, "must be an object such as {\"team\": \"data\"}, not plain text",
            Config: Config1("tags", "hello"));
        yield return new("academy:items table not a list", ItemsGlobal, null, "must be a list of items, not an object",
            Config: Config1("items", """{"global": {"name": "x"}}"""));
        yield return new("unknown billing mode", "config academy:billingMode", null, "'ON_DEMAND' is not a billing mode", Config: Config1("billingMode", "ON_DEMAND"));
        yield return new("zero capacity", "config academy:readCapacity", null, "'0' is not a whole number from 1 to 40000", Config: Config1("readCapacity", "0"));
        yield return new("capacity with PAY_PER_REQUEST", "config academy:writeCapacity", null, "capacities apply only with billingMode PROVISIONED",
            Config: new() { ["billingMode"] = "PAY_PER_REQUEST", ["writeCapacity"] = "5" });
        yield return new("yes for a boolean", "config academy:pointInTimeRecovery", null, "'yes' is not true or false", Config: Config1("pointInTimeRecovery", "yes"));
        yield return new("KMS key without encryption", "config academy:kmsKeyArn", null, "used only with academy:serverSideEncryption true",
            Config: Config1("kmsKeyArn", "arn:aws:kms:eu-central-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"));
        yield return new("tag value that is a number", "config academy:tags", null, "tag 'cohort': values must be strings", Config: Config1("tags", """{"cohort": 2026}"""));
        yield return new("empty attribute name", GlobalFile, "x", "attribute names must not be empty", GlobalWith("""{"name": "x", "": 1}"""));
        yield return new("attribute given twice", GlobalFile, "x", "attribute 'tz': appears twice", GlobalWith("""{"name": "x", "tz": "UTC", "tz": "CET"}"""));
        yield return new("IAM role name with a space", "config academy:etlRoleName", null, "'etl role' is not an IAM role name", Config: Config1("etlRoleName", "etl role"));
        yield return new("IAM user given as an ARN", "config academy:writerUserName", null, "is an ARN; give the user's name only",
            Config: Config1("writerUserName", "arn:aws:iam::123456789012:user/config-writer"));

        // Sizes and numbers.
        yield return new("item over 400 KB in a seed file", GlobalFile, "big", "an item may be at most 409,600 bytes (400 KB)",
            GlobalWith($$"""{"name": "big", "blob": "{{Big}}"}"""));
        yield return new("item over 400 KB in config", ItemsGlobal, "big", "is 410,011 bytes by DynamoDB's size rules",
            Config: Config1("items", $$"""{"global": [{"name": "big", "blob": "{{Big}}"}]}"""));
        yield return new("number with 39 significant digits", GlobalFile, "x", "attribute 'retries': 123456789012345678901234567890123456789 has 39 significant digits",
            GlobalWith("""{"name": "x", "retries": 123456789012345678901234567890123456789}"""));
        yield return new("number beyond DynamoDB's range", GlobalFile, "x", "outside DynamoDB's range", GlobalWith("""{"name": "x", "limit": 1e126}"""));

        // Duplicates.
        yield return new("same key twice in a file", GlobalFile, "imdb-rest-api", "duplicate key: items #1 and #2 both have name 'imdb-rest-api'",
            GlobalWith("""{"name": "imdb-rest-api", "tz": "UTC"}"""));
        yield return new("same key in two files", GlobalFile, "imdb-rest-api", "duplicate key: seed/items/global.dynamodb.json declares the same name",
            project => project.Write(GlobalDynamoFile, $"[{TestProject.Build().ItemsOf("global").Single(i => i.HashKeyValue == "imdb-rest-api").ToDynamoJson()}]"));
        yield return new("same key twice in academy:items", ItemsGlobal, "extra", "duplicate key: items #1 and #2",
            Config: Config1("items", """{"global": [{"name": "extra"}, {"name": "extra"}]}"""));

        // Unknown config keys and tables.
        yield return new("misspelt config key", "config academy:billingmode", null, "unknown key. Known keys: user, seedDir, billingMode",
            Config: Config1("billingmode", "PAY_PER_REQUEST"));
        yield return new("singular items key", "config academy:item", null, "unknown key", Config: Config1("item", "{}"));
        yield return new("unknown table in academy:items", "config academy:items.glob", null, "unknown table 'glob'; tables are global, jobs",
            Config: Config1("items", """{"glob": [{"name": "x"}]}"""));
        yield return new("seed file for an undeclared table", "seed/items/gloabl.json", null, "names table 'gloabl', which is not declared",
            Write("seed/items/gloabl.json", """[{"name": "x"}]"""));
        yield return new("seed folder that does not exist", "elsewhere/tables.json", null, "not found; it declares the tables (set academy:seedDir",
            Config: Config1("seedDir", "elsewhere"));

        // Table definitions, the course material's CloudFormation form among them.
        yield return new("course material's nine AttributeDefinitions", TablesFile, "table global", TableDefinitionParser.DynamoDbKeySchemaMessage,
            Write(TablesFile, CourseMaterial.TablesWithoutTableName));
        yield return new("CloudFormation TableName", TablesFile, "table global", "TableName is not read from table definitions",
            Write(TablesFile, CourseMaterial.Tables));
        yield return new("RANGE key without HASH key", TablesFile, "table global", "KeySchema has a RANGE key but no HASH key",
            TablesWith("global", """{"AttributeDefinitions": [{"AttributeName": "name", "AttributeType": "S"}], "KeySchema": [{"AttributeName": "name", "KeyType": "RANGE"}]}"""));
        yield return new("AttributeType spelt out", TablesFile, "table global", "an AttributeType of S, N or B",
            TablesWith("global", """{"AttributeDefinitions": [{"AttributeName": "name", "AttributeType": "STRING"}], "KeySchema": [{"AttributeName": "name", "KeyType": "HASH"}]}"""));
        yield return new("global table resource type", TablesFile, "table global", "Type 'AWS::DynamoDB::GlobalTable' is not AWS::DynamoDB::Table",
            TablesWith("global", """{"Type": "AWS::DynamoDB::GlobalTable", "Properties": {}}"""));
        yield return new("table key that cannot name a table", TablesFile, "table glo bal", "cannot name a table",
            project => project.Write(TablesFile, File.ReadAllText(TestProject.Repo.Resolve(TablesFile)).TrimEnd()[..^1]
                + ", \"glo bal\": {\"AttributeDefinitions\": [{\"AttributeName\": \"name\", \"AttributeType\": \"S\"}], \"KeySchema\": [{\"AttributeName\": \"name\", \"KeyType\": \"HASH\"}]}}"));
        yield return new("tables.json without tables", TablesFile, null, "declares no tables", Write(TablesFile, "{}"));

        // DynamoDB JSON mistakes.
        yield return new("number not quoted", GlobalDynamoFile, "dyn", "attribute 'retries': N cannot hold a number: its value is a string", DynamoItem("""
            "retries": {"N": 5}
            """));
        yield return new("empty string set", GlobalDynamoFile, "dyn", "attribute 'tags': SS must not be empty", DynamoItem("""
            "tags": {"SS": []}
            """));
        yield return new("unknown type X", GlobalDynamoFile, "dyn", "attribute 'tz': 'X' is not a DynamoDB type", DynamoItem("""
            "tz": {"X": "UTC"}
            """));
        yield return new("two type keys", GlobalDynamoFile, "dyn", "attribute 'port': a DynamoDB JSON value is an object with exactly one type key", DynamoItem("""
            "port": {"S": "443", "N": "443"}
            """));
        yield return new("plain value in a DynamoDB JSON file", GlobalDynamoFile, "dyn", "attribute 'tz': a DynamoDB JSON value is an object with exactly one type key", DynamoItem("""
            "tz": "UTC"
            """));
        yield return new("NULL false", GlobalDynamoFile, "dyn", "attribute 'port': NULL cannot hold a boolean", DynamoItem("""
            "port": {"NULL": false}
            """));
        yield return new("BOOL as a string", GlobalDynamoFile, "dyn", "attribute 'enabled': BOOL cannot hold a string", DynamoItem("""
            "enabled": {"BOOL": "true"}
            """));
        yield return new("N that is not a number", GlobalDynamoFile, "dyn", "attribute 'retries': '12abc' is not a number", DynamoItem("""
            "retries": {"N": "12abc"}
            """));
        yield return new("N in non-ASCII digits", GlobalDynamoFile, "dyn", "attribute 'retries': '١٢' is not a number", DynamoItem("""
            "retries": {"N": "١٢"}
            """));
        yield return new("N in non-ASCII digits with an exponent too large", GlobalDynamoFile, "dyn", "is not a number", DynamoItem("""
            "retries": {"N": "١e99999999999"}
            """));
        yield return new("B that is not base64", GlobalDynamoFile, "dyn", "attribute 'blob': B values are base64 text", DynamoItem("""
            "blob": {"B": "%%%"}
            """));
        yield return new("set member twice", GlobalDynamoFile, "dyn", "attribute 'tags': SS holds 'a' twice", DynamoItem("""
            "tags": {"SS": ["a", "a"]}
            """));
        yield return new("nested mistake in a map", GlobalDynamoFile, "dyn", "attribute 'target.path': S cannot hold a number", DynamoItem("""
            "target": {"M": {"path": {"S": 3}}}
            """));
        yield return new("number key in DynamoDB JSON", GlobalDynamoFile, "#1", "the key must be a non-empty string, got {\"name\":{\"N\":\"1\"}}",
            Write(GlobalDynamoFile, """[{"name": {"N": "1"}}]"""));
        yield return new("scan output whose Items is not a list", GlobalDynamoFile, null, "must be an array of items or an object with \"Items\"",
            Write(GlobalDynamoFile, """{"Items": {"name": {"S": "dyn"}}}"""));

        foreach (var input in FidelityCases())
        {
            yield return input;
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void IsRefusedWithAnErrorNamingItsSourceAndNothingIsProduced(BadInput input)
    {
        using var project = new ScratchProject();
        input.Arrange?.Invoke(project);
        Catalog? catalog = null;

        var exception = Assert.Throws<CatalogException>(() => catalog = TestProject.Build(input.Stack, input.Config, paths: project.Paths))!;

        var errors = exception.Errors;
        Assert.Multiple(() =>
        {
            Assert.That(catalog, Is.Null, "a catalog came back, so something could have been declared");
            Assert.That(errors, Has.Some.Matches<CatalogError>(e => e.Source == input.Source && e.Item == input.Item && e.Message.Contains(input.Fragment, StringComparison.Ordinal)),
                $"no error from '{input.Source}', item '{input.Item}', saying '{input.Fragment}'; got:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
            Assert.That(errors.Select(e => e.Source), Is.All.EqualTo(input.Source), "one mistake, reported against one place only");
            Assert.That(exception.Message, Does.Contain(input.Source).And.Contains("nothing was created"));
        });
    }

    [Test]
    public void TheSuiteCoversAtLeastTwentyFiveDistinctBadInputs()
    {
        var names = Cases().Select(c => c.Name).ToList();

        Assert.That(names, Is.Unique);
        Assert.That(names, Has.Count.GreaterThanOrEqualTo(25));
    }
}
