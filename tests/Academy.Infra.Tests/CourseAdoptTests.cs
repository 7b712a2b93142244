using Academy.Infra.Tests.Support;

namespace Academy.Infra.Tests;

/// <summary>academy:adopt on a course stack: each learner's own tables and items are imported by their own ids.</summary>
[TestFixture]
[NonParallelizable]
public class CourseAdoptTests
{
    [Test]
    public async Task EveryLearnersAdoptedTableAndItemIsImportedByThatLearnersIdsAndNothingElseIs()
    {
        var config = new Dictionary<string, string> { ["academy:adopt"] = """{"global": ["imdb-rest-api"]}""" };

        var (mocks, _) = await CourseRun.RunAsync("seed/roster.yaml", config);

        var imported = mocks.Resources.Where(r => !string.IsNullOrEmpty(r.Id)).ToDictionary(r => $"{r.Type}::{r.Name}", r => r.Id);
        var expected = new Dictionary<string, string?>();
        foreach (var learner in new[] { "alice", "bob", "carol" })
        {
            expected[$"{ResourceTypes.Table}::{learner}-global"] = $"{learner}-academy-global";
            expected[$"{ResourceTypes.TableItem}::{learner}-global-imdb-rest-api"] = $"{learner}-academy-global,imdb-rest-api";
        }

        Assert.That(imported, Is.EquivalentTo(expected));
        Assert.That(mocks.OfType(ResourceTypes.Table), Has.Count.EqualTo(6), "the jobs tables are declared, not imported");
    }
}
