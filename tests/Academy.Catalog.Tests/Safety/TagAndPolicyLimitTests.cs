using System.Text.Json;
using Academy.Catalog.Tests.Roster;
using Academy.Catalog.Tests.Support;

namespace Academy.Catalog.Tests.Safety;

/// <summary>
/// What DynamoDB and IAM refuse about tags and policy names, refused by the plan instead: DynamoDB's
/// tagging restrictions (docs: "Tagging restrictions in DynamoDB") and IAM's CreatePolicy limits.
/// </summary>
public class TagAndPolicyLimitTests
{
    private static string Tags(IReadOnlyDictionary<string, string> tags) => JsonSerializer.Serialize(tags);

    private static IReadOnlyList<string> TagFailures(IReadOnlyDictionary<string, string> tags) =>
        Failures.Of(() => TestProject.Build(config: new() { ["tags"] = Tags(tags) })).Select(e => e.ToString()).ToList();

    [Test]
    public void FiftyTagsATableCountTheDefaultTagsToo()
    {
        // learner, course and managed-by are always there: 47 more make DynamoDB's 50.
        var fits = Enumerable.Range(0, 47).ToDictionary(i => $"t{i}", i => "x");
        var over = Enumerable.Range(0, 48).ToDictionary(i => $"t{i}", i => "x");

        var catalog = TestProject.Build(config: new() { ["tags"] = Tags(fits) });
        var errors = TagFailures(over);

        Assert.That(catalog.Table("global").Options.Tags, Has.Count.EqualTo(50));
        Assert.That(errors, Is.EqualTo(new[]
        {
            "config academy:tags: a table would carry 51 tags (48 from academy:tags, 3 default: course, learner, managed-by); DynamoDB allows at most 50 per table",
        }));
    }

    [TestCase("team@home", "x")]
    [TestCase("team", "a@b")]
    [TestCase("team#1", "x")]
    [TestCase("team", "50%")]
    [TestCase("team", "line\nbreak")]
    [TestCase("team", "tab\there")]
    [TestCase("team", "café ☕")]
    [TestCase("team", "[secret: encrypted in the stack file]")]
    public void ACharacterOutsideDynamoDbsTagSetIsRefusedNamingTheTag(string key, string value)
    {
        var errors = TagFailures(new Dictionary<string, string> { [key] = value });

        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0], Does.StartWith($"config academy:tags: tag '{key.Replace("\n", "\\n", StringComparison.Ordinal)}': ")
            .And.Contain("letters, digits, spaces and + - = . _ : /"));
    }

    [Test]
    public void LettersDigitsSpacesAndTheListedSymbolsInAnyScriptAreAccepted()
    {
        var tags = new Dictionary<string, string>
        {
            ["Cost Centre"] = "R+D = 42.5_a:b/c-d",
            ["équipe"] = "données",
            ["チーム"] = "データ 基盤",
            ["empty"] = "",
        };

        var catalog = TestProject.Build(config: new() { ["tags"] = Tags(tags) });

        Assert.That(catalog.Table("global").Options.Tags, Is.SupersetOf(tags));
    }

    [Test]
    public void LengthsAreCountedInUnicodeCharactersNotUtf16Units()
    {
        // U+20000 is a letter outside the BMP: one character, two UTF-16 units.
        var letter = char.ConvertFromUtf32(0x20000);
        var longest = new Dictionary<string, string> { [string.Concat(Enumerable.Repeat(letter, 128))] = string.Concat(Enumerable.Repeat(letter, 256)) };

        var catalog = TestProject.Build(config: new() { ["tags"] = Tags(longest) });
        var keyOver = TagFailures(new Dictionary<string, string> { [string.Concat(Enumerable.Repeat(letter, 129))] = "x" });
        var valueOver = TagFailures(new Dictionary<string, string> { ["team"] = string.Concat(Enumerable.Repeat(letter, 257)) });

        Assert.That(catalog.Table("global").Options.Tags, Is.SupersetOf(longest));
        Assert.That(keyOver.Single(), Does.Contain("keys are 1 to 128 characters"));
        Assert.That(valueOver.Single(), Is.EqualTo("config academy:tags: tag 'team': values are at most 256 characters"));
    }

    [TestCase("aws:owner", "me")]
    [TestCase("AWS:owner", "me")]
    [TestCase("Aws:owner", "me")]
    [TestCase("owner", "aws:me")]
    [TestCase("owner", "AwS:me")]
    public void TheAwsPrefixIsReservedInKeysAndValuesInAnyCase(string key, string value)
    {
        var errors = TagFailures(new Dictionary<string, string> { [key] = value });

        Assert.That(errors.Single(), Does.StartWith($"config academy:tags: tag '{key}': ").And.Contain("aws: prefix is reserved by AWS"));
    }

    [Test]
    public void ASecretTagsKeyIsCheckedTooButItsValuesAreNotPrinted()
    {
        var errors = Failures.Of(() => TestProject.Build(config: new() { ["tags"] = """{"team": "secret#value"}""" }, secretKeys: ["tags"]))
            .Select(e => e.ToString()).ToList();

        Assert.That(errors.Single(), Does.StartWith("config academy:tags: tag 'team': ").And.Not.Contain("secret#value").And.Not.Contain("'#'"));
    }

    [Test]
    public void ACourseLearnerWhosePolicyNameWouldPassIamsLimitIsRefusedNamingTheLearnerAndKey()
    {
        // A course names a learner's policies <learner>-writer-write; Pulumi's AWS provider appends
        // '-' and 7 random characters, and IAM allows 128.
        var fits = new string('a', 120 - "-writer-write".Length);
        var over = fits + "b";
        using var project = new ScratchProject();

        var course = RosterScratch.Build(project, $"learners:\n  - name: {fits}\n    writerRoleName: tools\n  - name: x{over}\n");
        var problems = RosterScratch.Failures(project, $"learners:\n  - name: {over}\n    writerRoleName: tools\n  - name: {over}x\n");

        Assert.That(course.Learners, Has.Count.EqualTo(2), "a learner without a role or user gets no policy, so no name");
        Assert.That(problems, Is.EqualTo(new[]
        {
            $"{RosterScratch.File}:2: learner '{over}': writerRoleName: its write policy would be named '{over}-writer-write' and 8 characters Pulumi appends, "
            + "129 characters; IAM allows at most 128 in a policy name: shorten the learner name",
        }));
    }
}
