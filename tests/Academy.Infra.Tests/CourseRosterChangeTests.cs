using System.Collections;
using System.Globalization;
using Academy.Infra.Tests.Support;

namespace Academy.Infra.Tests;

/// <summary>
/// A course stack between two runs whose rosters differ: learners added, removed and reordered
/// change only their own resources. Compared as the mocked engine saw them: every resource's type,
/// name and inputs, the way a preview diffs them.
/// </summary>
[TestFixture]
[NonParallelizable]
public class CourseRosterChangeTests
{
    [Test]
    public async Task AddingRemovingAndReorderingLearnersChangesOnlyTheirOwnResources()
    {
        var folder = Directory.CreateTempSubdirectory("academy-course-").FullName;
        try
        {
            var before = Path.Combine(folder, "before.yaml");
            var after = Path.Combine(folder, "after.yaml");
            File.WriteAllText(before, "learners:\n  - alice\n  - name: bob\n    etlRoleName: bob-etl\n  - name: carol\n    tags: {team: data}\n");
            // bob removed, carol moved first, dave added in the middle.
            File.WriteAllText(after, "learners:\n  - name: carol\n    tags: {team: data}\n  - name: dave\n    writerUserName: dave-tools\n  - alice\n");

            var first = Registered((await CourseRun.RunAsync(before)).Mocks);
            var second = Registered((await CourseRun.RunAsync(after)).Mocks);

            var removed = first.Keys.Except(second.Keys).ToList();
            var added = second.Keys.Except(first.Keys).ToList();
            var changed = first.Keys.Intersect(second.Keys).Where(k => first[k] != second[k]).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(removed, Is.Not.Empty.And.All.Contains("::bob"), "only bob's resources go");
                Assert.That(removed, Has.Some.Contains("bob-etl-read-role"));
                Assert.That(added, Is.Not.Empty.And.All.Contains("::dave"), "only dave's resources come");
                Assert.That(added, Has.Some.Contains("dave-writer-write-user"));
                Assert.That(changed, Is.Empty, "alice's and carol's resources are unchanged, inputs included");
                Assert.That(first.Keys.Count(k => k.Contains("::alice", StringComparison.Ordinal) || k.Contains("::carol", StringComparison.Ordinal)),
                    Is.GreaterThan(4), "both learners' tables and items are compared");
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // "type::name" to the inputs as canonical text (keys sorted), for every resource but the component's.
    private static Dictionary<string, string> Registered(RecordingMocks mocks) =>
        mocks.Resources.ToDictionary(r => $"{r.Type}::{r.Name}", r => Canonical(r.Inputs), StringComparer.Ordinal);

    private static string Canonical(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        IDictionary map => "{" + string.Join(",", map.Keys.Cast<string>().Order(StringComparer.Ordinal).Select(k => $"{k}:{Canonical(map[k])}")) + "}",
        IEnumerable list => "[" + string.Join(",", list.Cast<object?>().Select(Canonical)) + "]",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
