using Academy.Catalog.Cost;
using Academy.Catalog.Items;
using Academy.Catalog.Tables;
using Academy.Catalog.Tests.Support;
using Amazon.DynamoDBv2.Model;

namespace Academy.Catalog.Tests.Safety;

public class CostEstimatorTests
{
    // 2^20 learners with one 1 KB item each (924 bytes + DynamoDB's 100 bytes of overhead) store exactly 1 GB.
    private const int LearnersForOneGb = 1 << 20;

    private static readonly RequestAssumptions NoRequests = new(EtlRunsPerDay: 0, WritesPerItemPerMonth: 0);

    private static IReadOnlyList<TableSpec> Tables(Dictionary<string, string>? config = null) => TestProject.Build(config: config).Tables;

    private static IReadOnlyList<TableSpec> OnDemand(bool pitr = false) =>
        Tables(new() { ["billingMode"] = "PAY_PER_REQUEST", ["pointInTimeRecovery"] = pitr ? "true" : "false" });

    private static CatalogItem Item(int sizeBytes)
    {
        var item = new CatalogItem
        {
            TableKey = "global",
            HashKeyValue = "sized",
            RangeKeyValue = null,
            Source = "test",
            Attributes = new Dictionary<string, AttributeValue>
            {
                ["name"] = new() { S = "sized" },
                ["pad"] = new() { S = new string('p', sizeBytes - "name".Length - "sized".Length - "pad".Length) },
            },
        };
        Assert.That(item.SizeBytes, Is.EqualTo(sizeBytes));
        return item;
    }

    [Test]
    public void ProvisionedOneReadOneWriteOnTwoTablesIsCapacityHoursAtListPrice()
    {
        var estimate = CostEstimator.Estimate(Tables(), []);

        Assert.Multiple(() =>
        {
            Assert.That(estimate.MonthlyUsd, Is.EqualTo(2 * 730 * (Prices.ReadCapacityUnitHour + Prices.WriteCapacityUnitHour)));
            Assert.That(estimate.MonthlyUsd, Is.EqualTo(1.389336m));
            Assert.That((estimate.Region, estimate.PricesAsOf), Is.EqualTo((Prices.Region, Prices.AsOf)));
            Assert.That(estimate.Basis, Does.Contain("PROVISIONED: 2 tables with 2 RCU and 2 WCU in all, billed 2 RCU and 2 WCU x 730 h"));
            Assert.That(estimate.Basis, Does.Contain("free tier not deducted").And.Contains("eu-central-1").And.Contains(Prices.AsOf));
        });
    }

    // Every count in the basis reads as the plan's own counts do: "2,500 tables", never "2500 tables".
    [Test]
    public void ACourseOfThousandsGroupsTheDigitsOfEveryCount()
    {
        var learner = TestProject.Build();
        var estimate = CostEstimator.EstimateCourse(Enumerable.Repeat(learner, 1_250).ToList());

        Assert.That(estimate.Basis, Does.Contain("PROVISIONED: 2,500 tables with 2,500 RCU and 2,500 WCU in all across the course, billed 2,475 RCU")
            .And.Contain("1,250 learners in one account and region"));
    }

    [Test]
    public void CapacitiesScaleTheProvisionedFigure()
    {
        var estimate = CostEstimator.Estimate(Tables(new() { ["readCapacity"] = "5", ["writeCapacity"] = "2" }), []);

        Assert.That(estimate.MonthlyUsd, Is.EqualTo(730 * ((10 * Prices.ReadCapacityUnitHour) + (4 * Prices.WriteCapacityUnitHour))));
    }

    [Test]
    public void StorageIsBilledPerGbMonthWithTheItemOverhead()
    {
        var estimate = CostEstimator.EstimateCourse(OnDemand(), [Item(924)], LearnersForOneGb, applyFreeTier: false, NoRequests);

        Assert.That(estimate.MonthlyUsd, Is.EqualTo(Prices.StorageGbMonth).And.EqualTo(0.306m));
    }

    [Test]
    public void PointInTimeRecoveryAddsItsPricePerGbMonth()
    {
        var estimate = CostEstimator.EstimateCourse(OnDemand(pitr: true), [Item(924)], LearnersForOneGb, applyFreeTier: false, NoRequests);

        Assert.Multiple(() =>
        {
            Assert.That(estimate.MonthlyUsd, Is.EqualTo(Prices.StorageGbMonth + Prices.PointInTimeRecoveryGbMonth).And.EqualTo(0.5508m));
            Assert.That(estimate.Basis, Does.Contain("point-in-time recovery on 2 tables"));
        });
    }

    [Test]
    public void PayPerRequestChargesTheAssumedReadsAndWrites()
    {
        var reads = CostEstimator.EstimateCourse(OnDemand(), [Item(924)], LearnersForOneGb, false, new(EtlRunsPerDay: 24, WritesPerItemPerMonth: 0));
        var writes = CostEstimator.EstimateCourse(OnDemand(), [Item(924)], LearnersForOneGb, false, new(EtlRunsPerDay: 0, WritesPerItemPerMonth: 1));

        Assert.Multiple(() =>
        {
            // 24 runs a day x 730/24 days = 730 reads of one read unit per learner.
            Assert.That(reads.MonthlyUsd, Is.EqualTo(0.306m + (730m * LearnersForOneGb * Prices.ReadRequestUnitsPerMillion / 1_000_000m)).Within(0.000001m));
            Assert.That(reads.MonthlyUsd, Is.EqualTo(117.038723m));
            Assert.That(writes.MonthlyUsd, Is.EqualTo(1.105539m));
            Assert.That(reads.Basis, Does.Contain("PAY_PER_REQUEST").And.Contains("assuming 24 ETL runs a day"));
        });
    }

    [Test]
    public void ItemsOver4KbTakeMoreReadUnitsAndOver1KbMoreWriteUnits()
    {
        const int learners = 1_000_000;
        var none = CostEstimator.EstimateCourse(OnDemand(), [Item(4097)], learners, false, NoRequests).MonthlyUsd;
        var read = CostEstimator.EstimateCourse(OnDemand(), [Item(4097)], learners, false, new(1, 0)).MonthlyUsd;
        var write = CostEstimator.EstimateCourse(OnDemand(), [Item(4097)], learners, false, new(0, 1)).MonthlyUsd;

        Assert.Multiple(() =>
        {
            Assert.That(read - none, Is.EqualTo(2 * (730m / 24) * Prices.ReadRequestUnitsPerMillion).Within(0.000002m), "2 read units per read");
            Assert.That(write - none, Is.EqualTo(5 * Prices.WriteRequestUnitsPerMillion).Within(0.000002m), "5 write units per write");
        });
    }

    [Test]
    public void ThePayPerRequestAssumptionIsStatedInTheBasis()
    {
        var catalog = TestProject.Build(config: new() { ["billingMode"] = "PAY_PER_REQUEST" });

        var estimate = CostEstimator.Estimate(catalog.Tables, catalog.Items);

        Assert.Multiple(() =>
        {
            Assert.That(estimate.Basis, Does.Contain($"assuming 4 ETL runs a day each reading every item once strongly consistent and every item written 1 time a month"));
            Assert.That(estimate.Basis, Does.Contain($"with {catalog.Items.Count} items"));
            Assert.That(estimate.MonthlyUsd, Is.GreaterThan(0m).And.LessThan(0.01m));
        });
    }

    [Test]
    public void TheFreeTierIsDeductedOnlyForTheWholeCourse()
    {
        var tables = Tables();

        Assert.Multiple(() =>
        {
            Assert.That(CostEstimator.EstimateCourse(tables, [], 100, applyFreeTier: false).MonthlyUsd, Is.EqualTo(138.9336m));
            Assert.That(CostEstimator.EstimateCourse(tables, [], 100, applyFreeTier: true).MonthlyUsd, Is.EqualTo(175 * 730 * (Prices.ReadCapacityUnitHour + Prices.WriteCapacityUnitHour)).And.EqualTo(121.5669m));
            Assert.That(CostEstimator.EstimateCourse(tables, [], 12, applyFreeTier: true).MonthlyUsd, Is.Zero, "24 RCU and 24 WCU fit in the free tier");
            Assert.That(CostEstimator.EstimateCourse(OnDemand(), [Item(924)], LearnersForOneGb, applyFreeTier: true, NoRequests).MonthlyUsd, Is.Zero, "1 GB fits in the free 25 GB");
        });
    }

    [Test]
    public void ACourseNeedsAtLeastOneLearner()
    {
        Assert.That(() => CostEstimator.EstimateCourse(Tables(), [], 0, applyFreeTier: false), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
