namespace Academy.Catalog.Cost;

/// <summary>A monthly figure in USD with what it rests on, so nobody mistakes it for a bill.</summary>
/// <param name="MonthlyUsd">Rounded to a millionth of a dollar: request charges for a few items are that small.</param>
/// <param name="Region">The region whose prices were used (<see cref="Prices.Region"/>).</param>
/// <param name="PricesAsOf">When those list prices were taken (<see cref="Prices.AsOf"/>).</param>
/// <param name="Basis">Units, sizes, assumptions and exclusions behind the figure, in one line.</param>
public sealed record CostEstimate(decimal MonthlyUsd, string Region, string PricesAsOf, string Basis);
