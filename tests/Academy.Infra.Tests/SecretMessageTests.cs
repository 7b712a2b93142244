using System.Text.Json.Nodes;
using Academy.Infra.Tests.Support;
using Pulumi;

namespace Academy.Infra.Tests;

/// <summary>
/// What `pulumi preview` prints when the catalog is rejected and a config key is a secret: the
/// RunException names the item and attribute and keeps the wording, but quotes no secret value,
/// for every kind of message that quotes one. Each case also runs as plain config, where the value
/// does appear, so a case that stopped quoting it would fail.
/// </summary>
[TestFixture]
[NonParallelizable]
public class SecretMessageTests
{
    private const string Items = "academy:items";
    private const string Job = "title_ratings";
    private const string Global = "imdb-rest-api";

    private static readonly string Long = "long-secret-" + new string('q', 150);

    public static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("long number", GlobalWith(g => g["retries"] = JsonNode.Parse("123456789012345678901234567890123456789")),
            "123456789012345678901234567890123456789", $"item '{Global}': attribute 'retries': *** has 39 significant digits");
        yield return Case("two characters", JobWith(j => j["load_mode"] = "zq"), "'zq'", $"item '{Job}': attribute 'load_mode': '***' is not one of full, incremental");
        yield return Case("value with a quote", JobWith(j => j["enabled"] = "se\"cret-enabled"), "cret-enabled", $"item '{Job}': attribute 'enabled': must be true or false (BOOL), got ***");
        yield return Case("value that messages cut", JobWith(j => j["primary_key"] = Long), Long[..40], $"item '{Job}': attribute 'primary_key': must be a list (L)");
        yield return Case("schedule", JobWith(j => j["schedule"] = "17 4 * * * 2031"), "17 4 * * * 2031", $"item '{Job}': attribute 'schedule': '***' has 6 fields, a cron needs 5");
        yield return Case("URL placeholder", GlobalWith(g => g["url"] = "{method}{host_slot_secret}/{prefix}"), "host_slot_secret",
            $"item '{Global}': attribute 'url': placeholder {{***}} cannot be filled");
        yield return Case("jobs list", GlobalWith(g => g["jobs"] = """["ghost-secret", "ghost-secret"]"""), "ghost-secret", $"item '{Global}': attribute 'jobs': lists '***' twice");
        yield return Case("secret job quoted about a seed item", JobWith(j => j["source"] = "hidden-source"), "hidden-source",
            "but that job's source is '***'");
        yield return Case("malformed JSON", new() { [Items] = """{"global": [{"name": "x", "token": gZ}]}""" }, "'g'", "config academy:items: malformed JSON at line 1, position ");
        yield return Case("learner name", new() { ["academy:user"] = "us er" }, "us er", "config academy:user: '***' cannot name a table");
    }

    [TestCaseSource(nameof(Cases))]
    public void APreviewOfSecretConfigNamesTheProblemButPrintsNoValue(Dictionary<string, string> config, string leak, string expected)
    {
        var secretKeys = config.Keys.ToArray();
        var plainMocks = new RecordingMocks();
        var secretMocks = new RecordingMocks();

        var plain = Assert.ThrowsAsync<RunException>(() => PulumiRun.StackAsync(config, mocks: plainMocks));
        var secret = Assert.ThrowsAsync<RunException>(() => PulumiRun.StackAsync(config, secretKeys, secretMocks));

        Assert.Multiple(() =>
        {
            Assert.That(plain?.Message, Does.Contain(leak.Replace("\"", "\\\"", StringComparison.Ordinal)).Or.Contain(leak));
            Assert.That(secret?.Message, Does.Contain(expected));
            Assert.That(secret?.Message, Does.Not.Contain(leak));
            Assert.That(secret?.ToString(), Does.Not.Contain(leak), "nor in the inner exception Pulumi may log");
            Assert.That(secretMocks.Resources, Is.Empty, "nothing is registered when the catalog is rejected");
        });
    }

    private static TestCaseData Case(string name, Dictionary<string, string> config, string leak, string expected) =>
        new TestCaseData(config, leak, expected).SetName($"SecretValueNotInPreview_{name.Replace(' ', '_')}");

    private static Dictionary<string, string> JobWith(Action<JsonObject> edit) => SeedItemWith("jobs", Job, edit);

    private static Dictionary<string, string> GlobalWith(Action<JsonObject> edit) => SeedItemWith("global", Global, edit);

    // The seed's item with one change, in academy:items, where it replaces the seed's own.
    private static Dictionary<string, string> SeedItemWith(string table, string key, Action<JsonObject> edit)
    {
        var items = JsonNode.Parse(File.ReadAllText(Expected.Repo.Resolve($"seed/items/{table}.json")))!.AsArray();
        var item = items.Single(i => (string?)i!["name"] == key)!.DeepClone().AsObject();
        edit(item);
        return new() { [Items] = new JsonObject { [table] = new JsonArray(item) }.ToJsonString() };
    }
}
