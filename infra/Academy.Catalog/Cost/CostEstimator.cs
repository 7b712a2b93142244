using System.Globalization;
using Academy.Catalog.Items;
using Academy.Catalog.Settings;
using Academy.Catalog.Tables;

namespace Academy.Catalog.Cost;

/// <summary>
/// Estimates what a learner's tables cost a month from their billing mode, capacities, item sizes and
/// point-in-time recovery, at the list prices in <see cref="Prices"/>. Per-learner figures never
/// deduct the free tier: it is shared by everyone in the account, so only a course-wide figure can.
/// </summary>
public static class CostEstimator
{
    private const int ReadUnitBytes = 4 * 1024;
    private const int WriteUnitBytes = 1024;
    private const decimal Million = 1_000_000m;

    public static CostEstimate Estimate(IReadOnlyList<TableSpec> tables, IReadOnlyList<CatalogItem> items) =>
        Estimate(tables, items, RequestAssumptions.Default);

    public static CostEstimate Estimate(IReadOnlyList<TableSpec> tables, IReadOnlyList<CatalogItem> items, RequestAssumptions assumptions) =>
        Compute([(new Footprint(tables, items), 1)], uniform: true, assumptions, applyFreeTier: false);

    /// <summary>
    /// The same tables and items for <paramref name="learners"/> learners in one account and region,
    /// optionally less the account's free tier (25 RCU, 25 WCU, 25 GB).
    /// </summary>
    public static CostEstimate EstimateCourse(
        IReadOnlyList<TableSpec> tables, IReadOnlyList<CatalogItem> items, int learners, bool applyFreeTier, RequestAssumptions? assumptions = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(learners, 1);
        return Compute([(new Footprint(tables, items), learners)], uniform: true, assumptions ?? RequestAssumptions.Default, applyFreeTier);
    }

    /// <summary>
    /// A course of learners whose catalogs may differ (a roster with per-learner items), all in one
    /// account and region: every learner's tables and items added up, less the free tier once.
    /// </summary>
    public static CostEstimate EstimateCourse(IReadOnlyList<Catalog> learners, RequestAssumptions? assumptions = null)
    {
        ArgumentNullException.ThrowIfNull(learners);
        ArgumentOutOfRangeException.ThrowIfLessThan(learners.Count, 1);
        return Compute(learners.Select(c => (new Footprint(c.Tables, c.Items), 1)).ToList(), uniform: false, assumptions ?? RequestAssumptions.Default, applyFreeTier: true);
    }

    // One learner's tables and items.
    private sealed record Footprint(IReadOnlyList<TableSpec> Tables, IReadOnlyList<CatalogItem> Items)
    {
        public List<TableSpec> Provisioned => Tables.Where(t => t.Options.BillingMode == BillingMode.Provisioned).ToList();

        public List<TableSpec> OnDemand => Tables.Where(t => t.Options.BillingMode == BillingMode.PayPerRequest).ToList();

        public List<TableSpec> Recovered => Tables.Where(t => t.Options.PointInTimeRecovery).ToList();
    }

    // Sums over every learner, each footprint counted as many times as learners share it. A uniform
    // course (one footprint n times) describes one learner's tables "per learner"; a mixed one (a
    // roster with per-learner items) describes the course's totals.
    private static CostEstimate Compute(IReadOnlyList<(Footprint Learner, int Count)> course, bool uniform, RequestAssumptions assumptions, bool applyFreeTier)
    {
        foreach (var (learner, _) in course)
        {
            ArgumentNullException.ThrowIfNull(learner.Tables);
            ArgumentNullException.ThrowIfNull(learner.Items);
        }

        ArgumentNullException.ThrowIfNull(assumptions);
        ArgumentOutOfRangeException.ThrowIfNegative(assumptions.EtlRunsPerDay);
        ArgumentOutOfRangeException.ThrowIfNegative(assumptions.WritesPerItemPerMonth);

        var learners = course.Sum(g => g.Count);
        var described = course.Select(g => g.Learner).ToList();
        var per = uniform ? PerLearner(learners) : learners > 1 ? " across the course" : "";
        var basis = new List<string>();
        var total = 0m;

        if (described.Any(l => l.Provisioned.Count > 0))
        {
            var rcu = course.Sum(g => (long)g.Count * g.Learner.Provisioned.Sum(t => t.Options.ReadCapacity ?? 0));
            var wcu = course.Sum(g => (long)g.Count * g.Learner.Provisioned.Sum(t => t.Options.WriteCapacity ?? 0));
            var billedRcu = Billed(rcu, applyFreeTier ? Prices.FreeTierReadCapacityUnits : 0);
            var billedWcu = Billed(wcu, applyFreeTier ? Prices.FreeTierWriteCapacityUnits : 0);
            total += Prices.HoursPerMonth * ((billedRcu * Prices.ReadCapacityUnitHour) + (billedWcu * Prices.WriteCapacityUnitHour));
            var free = applyFreeTier
                ? Text($" after the free tier's {Prices.FreeTierReadCapacityUnits} RCU and {Prices.FreeTierWriteCapacityUnits} WCU")
                : "";
            var tables = described.Sum(l => l.Provisioned.Count);
            var shownRcu = described.Sum(l => l.Provisioned.Sum(t => t.Options.ReadCapacity ?? 0));
            var shownWcu = described.Sum(l => l.Provisioned.Sum(t => t.Options.WriteCapacity ?? 0));
            basis.Add(Text($"PROVISIONED: {tables:N0} table{S(tables)} with {shownRcu:N0} RCU and {shownWcu:N0} WCU in all{per}, billed {billedRcu:N0} RCU and {billedWcu:N0} WCU x {Prices.HoursPerMonth:0} h{free}"));
        }

        if (described.Any(l => l.OnDemand.Count > 0))
        {
            var days = Prices.HoursPerMonth / 24m;
            var onDemandItems = course.Select(g => (Items: ItemsIn(g.Learner.OnDemand, g.Learner.Items), g.Count)).ToList();
            var readUnits = assumptions.EtlRunsPerDay * days * onDemandItems.Sum(g => (decimal)g.Count * g.Items.Sum(i => Units(i.SizeBytes, ReadUnitBytes)));
            var writeUnits = (decimal)assumptions.WritesPerItemPerMonth * onDemandItems.Sum(g => (decimal)g.Count * g.Items.Sum(i => Units(i.SizeBytes, WriteUnitBytes)));
            total += (readUnits * Prices.ReadRequestUnitsPerMillion / Million) + (writeUnits * Prices.WriteRequestUnitsPerMillion / Million);
            var tables = described.Sum(l => l.OnDemand.Count);
            var itemCount = onDemandItems.Sum(g => g.Items.Count);
            basis.Add(Text($"PAY_PER_REQUEST: {tables} table{S(tables)} with {itemCount} item{S(itemCount)}{per}, assuming {assumptions.EtlRunsPerDay} ETL run{S(assumptions.EtlRunsPerDay)} a day each reading every item once strongly consistent and every item written {assumptions.WritesPerItemPerMonth} time{S(assumptions.WritesPerItemPerMonth)} a month: {readUnits:N0} read and {writeUnits:N0} write request units a month"));
        }

        var storedBytes = course.Sum(g => (decimal)g.Count * StoredBytes(ItemsIn(g.Learner.Tables, g.Learner.Items)));
        var billedGb = Math.Max(0m, (storedBytes / Prices.BytesPerGb) - (applyFreeTier ? Prices.FreeTierStorageGb : 0));
        total += billedGb * Prices.StorageGbMonth;
        basis.Add(Text($"storage {storedBytes:N0} bytes (items plus {Prices.ItemOverheadBytes} B each)")
            + (applyFreeTier ? Text($", of which the first {Prices.FreeTierStorageGb} GB are free") : ""));

        if (described.Any(l => l.Recovered.Count > 0))
        {
            var recoveredBytes = course.Sum(g => (decimal)g.Count * StoredBytes(ItemsIn(g.Learner.Recovered, g.Learner.Items)));
            total += recoveredBytes / Prices.BytesPerGb * Prices.PointInTimeRecoveryGbMonth;
            var tables = described.Sum(l => l.Recovered.Count);
            basis.Add(Text($"point-in-time recovery on {tables} table{S(tables)}{(uniform ? "" : per)} ({recoveredBytes:N0} bytes)"));
        }
        else
        {
            basis.Add("point-in-time recovery off");
        }

        if (learners > 1)
        {
            basis.Add(Text($"{learners:N0} learners in one account and region"));
        }

        basis.Add($"{Prices.RegionName} ({Prices.Region}) list prices as of {Prices.AsOf}, {Prices.TableClass} table class, USD; re-check at {Prices.Source}");
        basis.Add(applyFreeTier
            ? "free tier deducted once for the account"
            : "free tier not deducted (it is per account, shared by every learner in it)");
        basis.Add("excludes tax, data transfer, on-demand backups, streams and KMS requests");

        return new CostEstimate(Math.Round(total, 6, MidpointRounding.AwayFromZero), Prices.Region, Prices.AsOf, string.Join("; ", basis));
    }

    private static decimal Billed(long units, int free) => Math.Max(0, units - free);

    private static List<CatalogItem> ItemsIn(IEnumerable<TableSpec> tables, IReadOnlyList<CatalogItem> items)
    {
        var keys = tables.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        return items.Where(i => keys.Contains(i.TableKey)).ToList();
    }

    private static long StoredBytes(IEnumerable<CatalogItem> items) => items.Sum(i => (long)i.SizeBytes + Prices.ItemOverheadBytes);

    // Request units are charged per started 4 KB (reads) or 1 KB (writes) of item size.
    private static int Units(int sizeBytes, int unitBytes) => Math.Max(1, (sizeBytes + unitBytes - 1) / unitBytes);

    private static string PerLearner(int learners) => learners > 1 ? " per learner" : "";

    private static string S(long count) => count == 1 ? "" : "s";

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
