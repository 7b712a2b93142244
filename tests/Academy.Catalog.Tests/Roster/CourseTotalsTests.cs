using Academy.Catalog.Cost;
using Academy.Catalog.Tests.Support;

namespace Academy.Catalog.Tests.Roster;

public class CourseTotalsTests
{
    private static string Learners(int count, string extra = "") =>
        "learners:\n" + string.Concat(Enumerable.Range(1, count).Select(i => $"  - learner{i}\n")) + extra;

    [Test]
    public void ACohortOfIdenticalLearnersCostsWhatTheCourseEstimateForThatManySays()
    {
        using var project = new ScratchProject();
        var course = RosterScratch.Build(project, Learners(100));
        var one = course.Learners[0].Catalog;

        var cost = course.Cost;

        Assert.Multiple(() =>
        {
            Assert.That(cost.MonthlyUsd, Is.EqualTo(CostEstimator.EstimateCourse(one.Tables, one.Items, 100, applyFreeTier: true).MonthlyUsd));
            Assert.That(cost.MonthlyUsd, Is.EqualTo(121.5669m), "docs/safety.md's figure for 100 learners less the free tier");
            Assert.That(cost.Basis, Does.Contain("100 learners in one account and region").And.Contain("free tier deducted once for the account"));
            Assert.That((course.Learners.Count, course.TableCount, course.ItemCount), Is.EqualTo((100, 200, 100 * one.Items.Count)));
        });
    }

    [Test]
    public void TheFreeTierIsDeductedOnceForTheWholeCohortNotPerLearner()
    {
        using var project = new ScratchProject();
        var course = RosterScratch.Build(project, Learners(12, "  - name: learner13\n    items: {global: [{name: extra, text: hello}]}\n"));

        var perLearner = course.Learners.Sum(l => CostEstimator.Estimate(l.Catalog.Tables, l.Catalog.Items).MonthlyUsd);

        Assert.Multiple(() =>
        {
            // 13 learners x 2 tables x 1 RCU and 1 WCU = 26 of each, of which 25 are free; storage is far under 25 GB.
            Assert.That(course.Cost.MonthlyUsd, Is.EqualTo(730 * (Prices.ReadCapacityUnitHour + Prices.WriteCapacityUnitHour)));
            Assert.That(perLearner, Is.GreaterThan(course.Cost.MonthlyUsd * 20), "each learner alone would fit in the free tier, so adding them up would count it 13 times");
            Assert.That(course.Cost.Basis, Does.Contain("PROVISIONED: 26 tables with 26 RCU and 26 WCU in all across the course, billed 1 RCU and 1 WCU"));
            Assert.That(course.ItemCount, Is.EqualTo((13 * course.Learners[0].Catalog.Items.Count) + 1));
        });
    }
}
