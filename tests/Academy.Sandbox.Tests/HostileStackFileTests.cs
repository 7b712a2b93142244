using System.Globalization;
using System.Text;
using Academy.Catalog.Errors;
using Academy.Sandbox.Config;
using Academy.Sandbox.Tests.Support;

namespace Academy.Sandbox.Tests;

/// <summary>
/// Stack files written to hurt: alias bombs, aliases inside themselves, complex keys, deep nesting,
/// bytes that are not UTF-8. Each gives one error naming the file and the line, never a crash or a
/// run that eats the machine; what Pulumi accepts (a byte order mark, an empty file) is accepted.
/// </summary>
public sealed class HostileStackFileTests
{
    /// <summary>The 402-byte bomb of issue 9: nine levels of nine aliases, 9^9 nodes once expanded.</summary>
    public static string AliasBomb()
    {
        var text = new StringBuilder("config:\n  academy:tags:\n    a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 'b'; level <= 'i'; level++)
        {
            var previous = (char)(level - 1);
            text.Append($"    {level}: &{level} [{string.Join(",", Enumerable.Repeat($"*{previous}", 9))}]\n");
        }

        return text.ToString();
    }

    public static IEnumerable<TestCaseData> Hostile()
    {
        yield return new TestCaseData(AliasBomb(), 6, "alias bomb").SetName("An_alias_bomb_is_refused_naming_the_line");
        yield return new TestCaseData("config:\n  academy:tags: &a {x: *a}\n", 2, "refers to the node that contains it").SetName("A_self_referencing_alias_is_refused");
        yield return new TestCaseData("config:\n  academy:items:\n    global: &g\n      - name: x\n        again: *g\n", 5, "refers to the node that contains it")
            .SetName("An_alias_to_an_enclosing_list_is_refused");
        yield return new TestCaseData("config:\n  ? [academy:user]\n  : bob\n", 2, "is a list or a mapping").SetName("A_complex_config_key_is_refused");
        yield return new TestCaseData("config:\n  academy:items:\n    global:\n      - name: x\n        ? [a, b]\n        : 1\n", 5, "item 'x': (line 5): has a key that is a list or a mapping")
            .SetName("A_complex_key_inside_an_item_is_refused");
        yield return new TestCaseData("config:\n  academy:tags: " + new string('[', 100_000) + new string(']', 100_000) + "\n", 2, "nests deeper than 256 levels")
            .SetName("Nesting_a_hundred_thousand_levels_deep_is_refused");
        yield return new TestCaseData("config:\n  academy:tags: *nope\n", 2, "alias *nope names no anchor &nope before it").SetName("An_alias_to_no_anchor_names_its_line");
        yield return new TestCaseData("config:\n  academy:user: a\n  academy:user: b\n", 3, "Duplicate key").SetName("A_key_given_twice_is_malformed_yaml");
    }

    [TestCaseSource(nameof(Hostile))]
    public void AHostileStackFileGivesOneErrorNamingTheFileAndLine(string yaml, int line, string words)
    {
        var error = Refused(yaml);

        Assert.That(error.Errors, Has.Count.EqualTo(1), error.Message);
        Assert.That(error.Errors[0].ToString(), Does.StartWith("Pulumi.bob.yaml").And.Contain($"line {line}").And.Contain(words));
    }

    [Test]
    public void AStackFileOfGigabytesIsRefusedBeforeItIsRead()
    {
        using var project = new ScratchProject();
        using (var file = File.Create(Path.Combine(project.Root, "Pulumi.bob.yaml")))
        {
            file.SetLength(3L * 1024 * 1024 * 1024); // sparse: costs no disk, would cost 3 GB of memory to read
        }

        var error = Assert.Throws<CatalogException>(() => StackFileConfigSource.Load(project.Paths, "bob"))!;

        Assert.That(error.Errors.Single().ToString(), Does.StartWith("Pulumi.bob.yaml: is 3,072 MB; a stack file holds settings and a few items, at most 16 MB"));
    }

    // Within Pulumi's ratio rule (few aliases), yet 70 copies of a 1 MiB string: 70 MiB to hold.
    [Test]
    public void AliasesOfALongStringPastTheTextLimitAreRefusedNamingTheLine()
    {
        var yaml = new StringBuilder("config:\n  academy:tags:\n    a: &s ").Append('x', 1024 * 1024).Append('\n');
        for (var i = 0; i < 70; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"    b{i}: *s\n");
        }

        var error = Refused(yaml.ToString());

        Assert.That(error.Errors.Single().ToString(), Does.Match(@"^Pulumi\.bob\.yaml: line 6\d: .*more than 64 MiB of text once its aliases are expanded"));
    }

    // No alias at all: 2 MB of `0,` is a million values, which took gigabytes to hold at 16 MB.
    [Test]
    public void AStackFileOfOverAMillionValuesIsRefusedNamingTheLine()
    {
        var yaml = "config:\n  foo:bar: [" + string.Join(",", Enumerable.Repeat("0", 1_000_001)) + "]\n";

        var error = Refused(yaml);

        Assert.That(error.Errors.Single().ToString(), Is.EqualTo("Pulumi.bob.yaml: line 2: more than 1,000,000 values once its aliases are expanded"));
    }

    [Test]
    public void OrdinaryAnchorsAndAliasesStillWork()
    {
        var config = Load("config:\n  academy:tags:\n    owner: &who data-team\n    contact: *who\n");

        Assert.That(config.Get("tags"), Is.EqualTo("""{"contact":"data-team","owner":"data-team"}"""));
    }

    [Test]
    public void ALatin1StackFileIsRefusedNamingTheLineAndUtf8()
    {
        var error = Refused(Encoding.Latin1.GetBytes("config:\n  academy:user: bob\n  academy:tags:\n    team: Žaneta Müller\n"));

        Assert.That(error.Errors.Single().ToString(), Is.EqualTo(
            "Pulumi.bob.yaml: is not UTF-8 text: byte 0xFC at line 4 is not valid UTF-8 (Latin-1 or Windows-1252?); save the file as UTF-8, which is what Pulumi reads"));
    }

    [Test]
    public void AUtf16StackFileWithoutAByteOrderMarkIsRefused()
    {
        var error = Refused(new UnicodeEncoding(false, false).GetBytes("config:\n  academy:user: bob\n"));

        Assert.That(error.Errors.Single().ToString(), Does.StartWith("Pulumi.bob.yaml: has a NUL byte at line 1").And.Contain("save it as UTF-8"));
    }

    [TestCase("utf-8 with BOM")]
    [TestCase("utf-16 with BOM")]
    public void AByteOrderMarkIsReadAsPulumiReadsIt(string encoding)
    {
        var text = "config:\n  academy:user: žana-b\n";
        byte[] bytes = encoding.StartsWith("utf-8", StringComparison.Ordinal)
            ? [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)]
            : [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(text)];

        var config = Load(bytes);

        Assert.That(config.Get("user"), Is.EqualTo("žana-b"));
    }

    [TestCase("")]
    [TestCase("\n\n")]
    [TestCase("config:\n")]
    public void AnEmptyStackFileIsNoConfigAsForPulumi(string text)
    {
        var config = Load(text);

        Assert.That(config.Names, Is.Empty);
    }

    [Test]
    public void ANumberBeyondAFloat64IsPassedOnAsPulumiDoesAndWarnedAboutNamingTheItem()
    {
        var config = Load("""
            config:
              academy:items:
                global:
                  - name: big
                    limit: 1e400
            """);

        Assert.That(config.Get("items"), Is.EqualTo("""{"global":[{"limit":"1e400","name":"big"}]}"""), "go-yaml v3 keeps it a string");
        Assert.That(config.Warnings.Single(), Is.EqualTo(
            "Pulumi.bob.yaml: config academy:items.global: item 'big': attribute 'limit' (line 5): the number 1e400 is beyond a float64, so Pulumi hands it to the program as the string \"1e400\"; write a number DynamoDB can hold, or put the item in seed/items"));
    }

    [Test]
    public void AnInfiniteNumberNamesTheItemAndAttribute()
    {
        var error = Refused("""
            config:
              academy:items:
                global:
                  - name: big
                    limit: .inf
            """);

        Assert.That(error.Errors.Single().ToString(), Is.EqualTo(
            "Pulumi.bob.yaml: config academy:items.global: item 'big': attribute 'limit' (line 5): .inf is not a JSON number; Pulumi cannot pass it to the program (quote it for a string)"));
    }

    [Test]
    public void AWarningAboutASecretKeyPrintsNoValue()
    {
        var config = Load("""
            config:
              academy:items:
                global:
                  - name: big
                    limit: 9e999
                    token:
                      secure: v1:abc
            """);

        Assert.That(config.Warnings.Single(), Does.Contain("item 'big': attribute 'limit' (line 5): the number *** is beyond a float64").And.Not.Contain("9e999"));
    }

    private static StackFileConfigSource Load(string yaml) => Load(Encoding.UTF8.GetBytes(yaml));

    private static StackFileConfigSource Load(byte[] bytes)
    {
        using var project = new ScratchProject();
        File.WriteAllBytes(Path.Combine(project.Root, "Pulumi.bob.yaml"), bytes);
        return StackFileConfigSource.Load(project.Paths, "bob");
    }

    private static CatalogException Refused(string yaml) => Refused(Encoding.UTF8.GetBytes(yaml));

    private static CatalogException Refused(byte[] bytes) => Assert.Throws<CatalogException>(() => Load(bytes))!;
}
