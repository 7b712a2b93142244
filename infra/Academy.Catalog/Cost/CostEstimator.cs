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
        Compute(tables, items, assumptions, learners: 1, applyFreeTier: false);

    /// <summary>
    /// The same tables and items for <paramref name="learners"/> learners in one account and region,
    /// optionally less the account's free tier (25 RCU, 25 WCU, 25 GB).
    /// </summary>
    public static CostEstimate EstimateCourse(
        IReadOnlyList<TableSpec> tables, IReadOnlyList<CatalogItem> items, int learners, bool applyFreeTier, RequestAssumptions? assumptions = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(learners, 1);
        return Compute(tables, items, assumptions ?? RequestAssumptions.Default, learners, applyFreeTier);
    }

    private static CostEstimate Compute(
        IReadOnlyList<TableSpec> tables, IReadOnlyList<CatalogItem> items, RequestAssumptions assumptions, int learners, bool applyFreeTier)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(assumptions);
        ArgumentOutOfRangeException.ThrowIfNegative(assumptions.EtlRunsPerDay);
        ArgumentOutOfRangeException.ThrowIfNegative(assumptions.WritesPerItemPerMonth);

        var provisioned = tables.Where(t => t.BillingMode == BillingMode.Provisioned).ToList();
        var onDemand = tables.Where(t => t.BillingMode == BillingMode.PayPerRequest).ToList();
        var basis = new List<string>();
        var total = 0m;

        if (provisioned.Count > 0)
        {
            var rcu = provisioned.Sum(t => t.ReadCapacity ?? 0);
            var wcu = provisioned.Sum(t => t.WriteCapacity ?? 0);
            var billedRcu = Billed((long)rcu * learners, applyFreeTier ? Prices.FreeTierReadCapacityUnits : 0);
            var billedWcu = Billed((long)wcu * learners, applyFreeTier ? Prices.FreeTierWriteCapacityUnits : 0);
            total += Prices.HoursPerMonth * ((billedRcu * Prices.ReadCapacityUnitHour) + (billedWcu * Prices.WriteCapacityUnitHour));
            var free = applyFreeTier
                ? Text($" after the free tier's {Prices.FreeTierReadCapacityUnits} RCU and {Prices.FreeTierWriteCapacityUnits} WCU")
                : "";
            basis.Add(Text($"PROVISIONED: {provisioned.Count} table{S(provisioned.Count)} with {rcu} RCU and {wcu} WCU in all{PerLearner(learners)}, billed {billedRcu:N0} RCU and {billedWcu:N0} WCU x {Prices.HoursPerMonth:0} h{free}"));
        }

        if (onDemand.Count > 0)
        {
            var onDemandItems = ItemsIn(onDemand, items);
            var days = Prices.HoursPerMonth / 24m;
            var readUnits = learners * assumptions.EtlRunsPerDay * days * onDemandItems.Sum(i => Units(i.SizeBytes, ReadUnitBytes));
            var writeUnits = (decimal)learners * assumptions.WritesPerItemPerMonth * onDemandItems.Sum(i => Units(i.SizeBytes, WriteUnitBytes));
            total += (readUnits * Prices.ReadRequestUnitsPerMillion / Million) + (writeUnits * Prices.WriteRequestUnitsPerMillion / Million);
            basis.Add(Text($"PAY_PER_REQUEST: {onDemand.Count} table{S(onDemand.Count)} with {onDemandItems.Count} item{S(onDemandItems.Count)}{PerLearner(learners)}, assuming {assumptions.EtlRunsPerDay} ETL run{S(assumptions.EtlRunsPerDay)} a day each reading every item once strongly consistent and every item written {assumptions.WritesPerItemPerMonth} time{S(assumptions.WritesPerItemPerMonth)} a month: {readUnits:N0} read and {writeUnits:N0} write request units a month"));
        }

        var storedBytes = (decimal)learners * StoredBytes(ItemsIn(tables, items));
        var billedGb = Math.Max(0m, (storedBytes / Prices.BytesPerGb) - (applyFreeTier ? Prices.FreeTierStorageGb : 0));
        total += billedGb * Prices.StorageGbMonth;
        basis.Add(Text($"storage {storedBytes:N0} bytes (items plus {Prices.ItemOverheadBytes} B each)")
            + (applyFreeTier ? Text($", of which the first {Prices.FreeTierStorageGb} GB are free") : ""));

        var recovered = tables.Where(t => t.PointInTimeRecovery).ToList();
        if (recovered.Count > 0)
        {
            var recoveredBytes = (decimal)learners * StoredBytes(ItemsIn(recovered, items));
            total += recoveredBytes / Prices.BytesPerGb * Prices.PointInTimeRecoveryGbMonth;
            basis.Add(Text($"point-in-time recovery on {recovered.Count} table{S(recovered.Count)} ({recoveredBytes:N0} bytes)"));
        }
        else
        {
            basis.Add("point-in-time recovery off");
        }

        if (learners > 1)
        {
            basis.Add(Text($"{learners} learners in one account and region"));
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
