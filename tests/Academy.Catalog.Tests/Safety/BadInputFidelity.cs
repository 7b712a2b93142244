using Academy.Catalog.Tests.Support;
using static Academy.Catalog.Tests.Safety.BadInput;

namespace Academy.Catalog.Tests.Safety;

/// <summary>Bad inputs DynamoDB (or the provider) would refuse halfway through a deployment, and files that would silently lose items.</summary>
public partial class BadInputTests
{
    private const string RunsTable = """
        "runs": {"AttributeDefinitions": [{"AttributeName": "name", "AttributeType": "S"}, {"AttributeName": "run", "AttributeType": "S"}],
                 "KeySchema": [{"AttributeName": "name", "KeyType": "HASH"}, {"AttributeName": "run", "KeyType": "RANGE"}]}
        """;

    /// <summary>tables.json as the seed declares it plus <paramref name="definition"/> (a "key": {...} pair).</summary>
    private static Action<ScratchProject> TablesPlus(string definition) => project =>
        project.Write(TablesFile, File.ReadAllText(TestProject.Repo.Resolve(TablesFile)).TrimEnd()[..^1] + ", " + definition.Trim() + "}");

    /// <summary>A scalar inside <paramref name="wraps"/> maps.</summary>
    internal static string Nest(int wraps) => wraps == 0 ? "1" : $$"""{"a": {{Nest(wraps - 1)}}}""";

    private static IEnumerable<BadInput> FidelityCases()
    {
        // Files that go missing must never read as "no items" (prune and `pulumi up` would delete them all).
        yield return new("items folder renamed by case", "seed/items", null, "folder not found; it holds the items of every table (<table>.json or <table>.dynamodb.json); did you mean seed/Items?",
            project => Directory.Move(Path.Combine(project.Root, "seed/items"), Path.Combine(project.Root, "seed/Items")));
        yield return new("items folder deleted", "seed/items", null, "folder not found",
            project => Directory.Delete(Path.Combine(project.Root, "seed/items"), recursive: true));
        yield return new("declared table without an items file", "seed/items/runs.json", null,
            "not found; table 'runs' is declared in tables.json, so its items belong in runs.json or runs.dynamodb.json (a file holding [] if the table is meant to be empty)",
            TablesPlus(RunsTable));

        // DynamoDB's key limits.
        yield return new("hash key over 2,048 bytes", GlobalFile, new string('k', 40) + "... (2,049 characters)", "attribute 'name': the hash key is 2,049 bytes; DynamoDB allows at most 2,048 bytes for a hash (partition) key",
            GlobalWith($$"""{"name": "{{new string('k', 2049)}}"}"""));
        yield return new("hash key over 2,048 bytes in UTF-8", GlobalFile, new string('\u017e', 40) + "... (1,025 characters)", "the hash key is 2,050 bytes",
            GlobalWith($$"""{"name": "{{new string('ž', 1025)}}"}"""));
        yield return new("range key over 1,024 bytes", "seed/items/runs.json", "a", "attribute 'run': the range key is 1,025 bytes; DynamoDB allows at most 1,024 bytes for a range (sort) key",
            project =>
            {
                TablesPlus(RunsTable)(project);
                project.Write("seed/items/runs.json", $$"""[{"name": "a", "run": "{{new string('r', 1025)}}"}]""");
            });
        yield return new("two items equal by key value", "seed/items/runs.json", "a", "duplicate key: items #1 and #2 both have name 'a' and run 'b'",
            project =>
            {
                TablesPlus(RunsTable)(project);
                project.Write("seed/items/runs.json", """[{"name": "a", "run": "b"}, {"name": "a", "run": "b"}]""");
            });

        // Shapes DynamoDB or the provider refuse.
        yield return new("nesting 33 levels deep", GlobalFile, "x", "attribute 'deep" + string.Concat(Enumerable.Repeat(".a", 32)) + "': is nested 33 levels deep; DynamoDB allows at most 32",
            GlobalWith($$"""{"name": "x", "deep": {{Nest(32)}}}"""));
        yield return new("nesting 33 levels deep in lists", GlobalDynamoFile, "dyn", "is nested 33 levels deep", DynamoItem(
            "\"deep\": " + string.Concat(Enumerable.Repeat("{\"L\": [", 32)) + "{\"S\": \"x\"}" + string.Concat(Enumerable.Repeat("]}", 32))));
        yield return new("attribute name of 64 KB", GlobalFile, "x", "the attribute name is 65,536 bytes; DynamoDB allows names of less than 64 KB (65,535 bytes)",
            GlobalWith($$"""{"name": "x", "{{new string('n', 65_536)}}": 1}"""));
        yield return new("attribute names equal once only letters are kept", GlobalFile, "x",
            "attribute 'Yournamehere': collides with attribute 'your-name-here': the provider's TableItem keeps only the letters of attribute names (both become 'Yournamehere')",
            GlobalWith("""{"name": "x", "your-name-here": 1, "Yournamehere": 2}"""));
        yield return new("attribute names without letters", GlobalFile, "x", "attribute '2': collides with attribute '1'",
            GlobalWith("""{"name": "x", "1": "a", "2": "b"}"""));
        yield return new("list of negative numbers over 400 KB by DynamoDB's count", GlobalFile, "x", "is 546,128 bytes by DynamoDB's size rules",
            GlobalWith($$"""{"name": "x", "list": [{{string.Join(",", Enumerable.Repeat("-1", 136_529))}}]}"""));

        // Encodings: UTF-8 only (a byte order mark is fine), one clear message for anything else.
        yield return new("Latin-1 seed file", GlobalFile, null, "is not UTF-8 text (line 2, byte 0xE9); save it as UTF-8",
            WriteBytes(GlobalFile, System.Text.Encoding.Latin1.GetBytes("[\n{\"name\": \"caf\u00e9\"}]")));
        yield return new("UTF-16 seed file", GlobalFile, null, "is UTF-16 text (as some Windows editors save it); save it as UTF-8",
            WriteBytes(GlobalFile, System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes("[]")).ToArray()));
        yield return new("UTF-16 tables.json without a byte order mark", TablesFile, null, "is UTF-16 text",
            WriteBytes(TablesFile, System.Text.Encoding.BigEndianUnicode.GetBytes("{}")));
        yield return new("lone surrogate escape in a seed file", GlobalFile, null,
            "line 3: a string escapes half of a UTF-16 surrogate pair (such as \\ud800), which is not text",
            Write(GlobalFile, "[\n{\"name\": \"x\",\n \"tz\": \"\\ud800\"}]"));
        yield return new("lone surrogate escape in an attribute name", GlobalFile, null, "line 1: a string escapes half of a UTF-16 surrogate pair",
            Write(GlobalFile, "[{\"name\": \"x\", \"\\udc00\": 1}]"));
        // Seed files are scanned for these only where an escape could be one: capitals, and one after
        // an escaped backslash followed by u, which looks like an escape and is not, must still be found.
        yield return new("lone surrogate escape in capitals after an escaped backslash", GlobalFile, null, "line 2: a string escapes half of a UTF-16 surrogate pair",
            Write(GlobalFile, "[{\"name\": \"x\", \"path\": \"C:\\\\users\",\n \"tz\": \"\\uDBFF\"}]"));
        // The first problem in the file is named: a lone surrogate before malformed JSON is the surrogate.
        yield return new("lone surrogate escape before malformed JSON", GlobalFile, null, "line 1: a string escapes half of a UTF-16 surrogate pair",
            Write(GlobalFile, "[{\"name\": \"x\", \"tz\": \"\\ud800\"}]]"));
        yield return new("lone surrogate escape in academy:items", Items, null, "a string escapes half of a UTF-16 surrogate pair",
            Config: Config1("items", "{\"global\": [{\"name\": \"\\ud800\"}]}"));
        yield return new("seed file holding only a byte order mark", GlobalFile, null, "is empty; write [] for a table without items",
            WriteBytes(GlobalFile, [0xEF, 0xBB, 0xBF]));
        yield return new("empty tables.json", TablesFile, null, "is empty; it declares the tables", Write(TablesFile, "  \n"));
        yield return new("academy:items as a bare word", Items, null, "must be an object such as {\"global\": [{\"name\": \"x\"}]}, not plain text",
            Config: Config1("items", "hello"));

        // Messages that point at the fix.
        yield return new("key attribute typed with a capital", GlobalFile, "#2", "has no key attribute 'name'; did you mean 'name'? it has 'Name'",
            GlobalWith("""{"Name": "x", "tz": "UTC"}"""));
        yield return new("key attribute misspelt", ItemsGlobal, "#1", "has no key attribute 'name'; did you mean 'name'? it has 'nme'",
            Config: Config1("items", """{"global": [{"nme": "x"}]}"""));

        // Numbers: one model, DynamoDB's grammar and range.
        yield return new("number with a plus sign", GlobalDynamoFile, "dyn", "attribute 'retries': '+5' is not a number", DynamoItem("""
            "retries": {"N": "+5"}
            """));
        yield return new("number with a space", GlobalDynamoFile, "dyn", "attribute 'retries': ' 5' is not a number", DynamoItem("""
            "retries": {"N": " 5"}
            """));
        yield return new("exponent far beyond DynamoDB's range", GlobalFile, "x", "attribute 'limit': 1e99999 is outside DynamoDB's range",
            GlobalWith("""{"name": "x", "limit": 1e99999}"""));
        yield return new("exponent beyond any 32-bit scale", GlobalDynamoFile, "dyn", "attribute 'limit': 1e99999999999 is outside DynamoDB's range", DynamoItem("""
            "limit": {"N": "1e99999999999"}
            """));
        yield return new("number below DynamoDB's range", GlobalFile, "x", "attribute 'tiny': 1e-131 is outside DynamoDB's range",
            GlobalWith("""{"name": "x", "tiny": 1e-131}"""));
        yield return new("number set with one number written twice", GlobalDynamoFile, "dyn",
            "attribute 'ids': NS holds '1' and '1.0', which DynamoDB counts as the same member", DynamoItem("""
            "ids": {"NS": ["1", "1.0"]}
            """));
        yield return new("binary with a space in its base64", GlobalDynamoFile, "dyn", "attribute 'blobs': B values are standard base64 as DynamoDB returns it: write 'AA==', not 'A A=='", DynamoItem("""
            "blobs": {"BS": ["AA==", "A A=="]}
            """));
        yield return new("binary set with the same bytes twice", GlobalDynamoFile, "dyn", "attribute 'blobs': BS holds 'AA==' twice", DynamoItem("""
            "blobs": {"BS": ["AA==", "AA=="]}
            """));
    }
}
