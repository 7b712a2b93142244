using System.Diagnostics;
using Academy.Catalog.Tests.Support;

namespace Academy.Catalog.Tests.Roster;

/// <summary>A roster is a file anyone could hand an instructor: every bad one gets one clear message, quickly.</summary>
public class HostileRosterTests
{
    private const string File = RosterScratch.File;

    private static IReadOnlyList<string> FailuresOfBytes(byte[] bytes)
    {
        using var project = new ScratchProject();
        var path = Path.Combine(project.Root, File);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<Errors.CatalogException>(() => RosterScratch.Course(project))!;
        return e.Errors.Select(x => x.ToString()).ToList();
    }

    private static IReadOnlyList<string> FailuresOf(string roster)
    {
        using var project = new ScratchProject();
        var problems = RosterScratch.Failures(project, roster);
        TestContext.Out.WriteLine(string.Join("\n", problems));
        return problems;
    }

    [Test]
    public void ABillionLaughsRosterIsRefusedWithoutExpandingIt()
    {
        var lines = new List<string> { "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]" };
        for (var i = 1; i <= 9; i++)
        {
            lines.Add($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]");
        }

        lines.Add("learners: [{name: alice, tags: *a9}]");
        var clock = Stopwatch.StartNew();

        var problems = FailuresOf(string.Join("\n", lines));

        Assert.That(problems.Single(), Does.StartWith($"{File}: line ").And.EndWith("more than 200,000 values once its aliases are expanded"));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "refused before expanding 10^10 values");
    }

    // A 100 KB string and 100 aliases of it: a 100 KB file that would hold 10 MB per learner.
    [Test]
    public void AliasesOfALongStringPastTheTextLimitAreRefused()
    {
        var tags = "      t0: &s " + new string('x', 100_000) + "\n" + string.Concat(Enumerable.Range(1, 100).Select(i => $"      t{i}: *s\n"));

        var problems = FailuresOf($"learners:\n  - name: alice\n    tags:\n{tags}");

        Assert.That(problems.Single(), Does.Match($@"^{File}: line 8\d: more than 8 MiB of text once its aliases are expanded$"));
    }

    [Test]
    public void AnAliasToItsOwnAnchorIsRefusedRatherThanLoopingForever()
    {
        Assert.That(FailuresOf("learners: &self [alice, *self]").Single(), Is.EqualTo($"{File}: line 1: alias *self refers to the node that contains it, which would never end"));
    }

    [Test]
    public void ABoundedAliasIsAllowedAndMeansWhatItsAnchorMeans()
    {
        using var project = new ScratchProject();
        var course = RosterScratch.Build(project, """
            learners:
              - name: alice
                tags: &team {team: platform}
              - name: bob
                tags: *team
            """);

        Assert.That(course.Find("bob")!.Catalog.Tables[0].Options.Tags["team"], Is.EqualTo("platform"));
    }

    [Test]
    public void DeepNestingIsRefusedWithTheLine()
    {
        var roster = "learners:\n  - name: alice\n    tags: " + new string('[', 100) + new string(']', 100);

        Assert.That(FailuresOf(roster).Single(), Is.EqualTo($"{File}: line 3: nests deeper than 64 levels"));
    }

    [Test]
    public void ARosterOverAMegabyteIsRefusedBeforeItIsRead()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("learners: [alice]\n# " + new string('x', 1024 * 1024));

        Assert.That(FailuresOfBytes(bytes).Single(), Does.StartWith($"{File}: is 1,048,").And.EndWith("bytes; a roster is at most 1,048,576"));
    }

    [Test]
    public void BytesThatAreNotUtf8AreRefused()
    {
        var bytes = System.Text.Encoding.Latin1.GetBytes("learners: [jos\u00e9]\n");

        Assert.That(FailuresOfBytes(bytes).Single(), Is.EqualTo($"{File}: is not UTF-8 text"));
    }

    [Test]
    public void MalformedYamlNamesTheLine()
    {
        var problems = FailuresOf("learners:\n  - alice\n  - [bob\n");

        Assert.That(problems.Single(), Does.StartWith($"{File}:").And.Contain("malformed YAML at column"));
    }

    [Test]
    public void ADuplicateFieldIsMalformedYaml()
    {
        var problems = FailuresOf("learners:\n  - name: alice\n    name: bob\n");

        Assert.That(problems.Single(), Does.StartWith($"{File}:").And.Contain("malformed YAML"));
    }

    [Test]
    public void TwoDocumentsAndAnEmptyFileAreRefused()
    {
        Assert.Multiple(() =>
        {
            Assert.That(FailuresOf("learners: [alice]\n---\nlearners: [bob]\n").Single(), Is.EqualTo($"{File}: holds 2 YAML documents; a roster is one"));
            Assert.That(FailuresOf("").Single(), Is.EqualTo($"{File}: is empty; list the learners under 'learners:'"));
        });
    }

    [Test]
    public void AWrongShapeNamesWhatWasExpected()
    {
        Assert.Multiple(() =>
        {
            Assert.That(FailuresOf("- alice\n").Single(), Is.EqualTo($"{File}:1: must be a mapping with 'learners:' (a list of learners), not a list"));
            Assert.That(FailuresOf("learners: alice\n").Single(), Is.EqualTo($"{File}:1: 'learners' must be a list of learners, not text"));
            Assert.That(FailuresOf("students: [alice]\n"), Is.EqualTo(new[] { $"{File}:1: unknown field 'students'; a roster has learners and optionally tableQuota", $"{File}: has no 'learners:' list" }));
            Assert.That(FailuresOf("learners: [[alice]]\n").Single(), Is.EqualTo($"{File}:1: a learner is a mapping with 'name:' (or just the name), not a list"));
            Assert.That(FailuresOf("learners: [{name: [alice]}]\n").Single(), Is.EqualTo($"{File}:1: learner: 'name' must be text, not a list"));
            Assert.That(FailuresOf("learners: [{tags: {a: b}}]\n").Single(), Is.EqualTo($"{File}:1: a learner has no 'name:'"));
            Assert.That(FailuresOf("learners: [{name: bob, etlRoleName: [a, b]}]\n").Single(), Is.EqualTo($"{File}:1: learner 'bob': 'etlRoleName' must be text, not a list"));
            Assert.That(FailuresOf("learners: ['  ']\n").Single(), Is.EqualTo($"{File}:1: a learner's 'name' is empty"));
            Assert.That(FailuresOf("tableQuota: -5\nlearners: [alice]\n").Single(), Does.StartWith($"{File}:1: 'tableQuota' must be a whole number of tables from 1"));
        });
    }

    [Test]
    public void AYamlNumberJsonWritesOtherwiseNamesTheLearnerAndField()
    {
        var problems = FailuresOf("learners:\n  - name: bob\n    items:\n      global:\n        - {name: bob-note, mask: 0x1F}\n");

        Assert.That(problems.Single(), Is.EqualTo($"{File}:5: learner 'bob': items: '0x1F' is a number to YAML but not written as JSON writes numbers; write it in plain decimal (such as 10, -2.5 or 1e3), or quote it for a string"));
    }

    [Test]
    public void ANumberKeepsEveryDigitItIsWrittenWith()
    {
        using var project = new ScratchProject();
        var course = RosterScratch.Build(project, "learners:\n  - name: bob\n    items:\n      global:\n        - {name: bob-note, big: 12345678901234567890.123456789, quoted: '0x1F', off: false, none: ~}\n");

        var item = course.Find("bob")!.Catalog.Items.Single(i => i.HashKeyValue == "bob-note").Attributes;
        Assert.Multiple(() =>
        {
            Assert.That(item["big"].N, Is.EqualTo("12345678901234567890.123456789"));
            Assert.That(item["quoted"].S, Is.EqualTo("0x1F"));
            Assert.That(item["off"].BOOL, Is.False);
            Assert.That(item["none"].NULL, Is.True);
        });
    }
}
