using System.Text;
using Academy.Catalog.Errors;
using Academy.Catalog.Roster;
using Academy.Sandbox.Config;

namespace Academy.Sandbox.Tests;

/// <summary>
/// YAML that go-yaml v3 (Pulumi's reader) reads otherwise than YamlDotNet: merge keys and tags. A stack
/// file or roster using them is one error naming the file and line, never an item that differs from
/// what `pulumi up` would write.
/// </summary>
public sealed class YamlConstructTests
{
    public static IEnumerable<TestCaseData> Constructs()
    {
        yield return new TestCaseData("config:\n  academy:tags:\n    <<: {team: data}\n    owner: ana\n", 3, "a merge key (<<)").SetName("A_merge_key_in_a_stack_file_is_refused");
        yield return new TestCaseData("base: &base {team: data}\nconfig:\n  academy:tags:\n    <<: *base\n", 4, "a merge key (<<)").SetName("A_merge_key_naming_an_anchor_is_refused");
        yield return new TestCaseData("config:\n  academy:items:\n    global:\n      - name: x\n        !!merge <<: {a: 1}\n", 5, "a merge key (<<)").SetName("An_explicit_merge_tag_is_refused");
        yield return new TestCaseData("config:\n  academy:user: !!binary Ym9i\n", 2, "the tag !!binary").SetName("A_binary_value_is_refused");
        yield return new TestCaseData("config:\n  academy:items:\n    global:\n      - name: x\n        n: !!int \"42\"\n", 5, "the tag !!int").SetName("An_int_tag_on_a_quoted_value_is_refused");
        yield return new TestCaseData("config:\n  academy:tags: !custom {team: data}\n", 2, "the tag !custom").SetName("A_local_tag_is_refused");
        yield return new TestCaseData("config:\n  aws:region: !!binary ZXUtd2VzdC0x\n", 2, "the tag !!binary").SetName("A_tag_outside_the_academy_keys_is_refused_too");
    }

    [TestCaseSource(nameof(Constructs))]
    public void AStackFileWithAConstructGoYamlReadsOtherwiseIsOneErrorNamingTheLine(string yaml, int line, string words)
    {
        using var project = new ScratchProject();
        project.Write("Pulumi.bob.yaml", yaml);

        var error = Assert.Throws<CatalogException>(() => StackFileConfigSource.Load(project.Paths, "bob"))!;

        Assert.That(error.Errors.Single().ToString(), Does.StartWith($"Pulumi.bob.yaml: line {line}: {words}"));
    }

    [Test]
    public void TagsThatMeanTheSameToBothReadersStillWork()
    {
        using var project = new ScratchProject();
        project.Write("Pulumi.bob.yaml", "config:\n  academy:user: !!str 42\n  academy:tags: !!map\n    team: !!str 007\n    list: !!seq [a]\n");

        var config = StackFileConfigSource.Load(project.Paths, "bob");

        Assert.That((config.Get("user"), config.Get("tags")), Is.EqualTo(("42", """{"list":["a"],"team":"007"}""")));
    }

    [TestCase("~", "")]
    [TestCase("null", "")]
    [TestCase("NULL", "")]
    [TestCase("\"null\"", "null")]
    [TestCase("!!str ~", "~")]
    [TestCase("true", "true")]
    [TestCase("0x10", "0x10")]
    public void AScalarConfigValueIsTheStringGoYamlDecodesForPulumi(string yaml, string value)
    {
        using var project = new ScratchProject();
        project.Write("Pulumi.bob.yaml", $"config:\n  academy:seedDir: {yaml}\n");

        var config = StackFileConfigSource.Load(project.Paths, "bob");

        Assert.That(config.Get("seedDir"), Is.EqualTo(value));
    }

    [TestCase("defaults: &d {tableQuota: 4}\nlearners:\n  - name: ana\n    <<: *d\n", 4, "a merge key (<<)")]
    [TestCase("learners:\n  - name: !!binary YW5h\n", 2, "the tag !!binary")]
    public void ARosterWithAConstructGoYamlReadsOtherwiseIsOneErrorNamingTheLine(string yaml, int line, string words)
    {
        using var project = new ScratchProject();
        project.Write("roster.yaml", yaml);
        var errors = new ErrorList();

        RosterReader.Read(project.Paths, "roster.yaml", errors);

        Assert.That(errors.Errors.Select(e => e.ToString()), Is.EqualTo(new[] { $"roster.yaml: line {line}: {words}" }).Using<string, string>((a, b) => a.StartsWith(b, StringComparison.Ordinal)));
    }
}
