using System.Globalization;

namespace Academy.Infra.Benchmarks;

/// <summary>
/// The median of per-round ratios with a distribution-free interval for it: the order statistics
/// x(k) and x(n+1-k) hold the true median with a probability given by the binomial distribution
/// alone, whatever the spread of the machine's noise. On two shared cores one median moves by more
/// than the 5% the goal allows, so a ratio is judged by where its interval lies, not by its median.
/// </summary>
internal sealed record MedianInterval(double Median, double Low, double High, double Confidence, int Rounds)
{
    public const double Wanted = 0.95;

    public static MedianInterval Of(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        var n = sorted.Length;
        var median = n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
        // The widest k with P(Binomial(n, 1/2) < k) <= (1 - Wanted) / 2 on each side; with too few
        // rounds for any, the whole range (and its lower confidence).
        var k = 0;
        while (k + 1 <= n / 2 && Below(n, k + 1) <= (1 - Wanted) / 2)
        {
            k++;
        }

        return k == 0
            ? new MedianInterval(median, sorted[0], sorted[^1], 1 - (2 * Below(n, 1)), n)
            : new MedianInterval(median, sorted[k - 1], sorted[n - k], 1 - (2 * Below(n, k)), n);
    }

    /// <summary>Where the interval lies against a goal of at most <paramref name="goal"/>; no verdict from fewer than 6 rounds.</summary>
    public string Against(double goal) =>
        Confidence < Wanted ? $"not judged from {Rounds} rounds (6 or more give a {Wanted:0%} interval)"
        : High <= goal ? "met"
        : Low > goal ? "not met"
        : $"undecided, the interval holds {goal.ToString("0.00", CultureInfo.InvariantCulture)}x";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Median:0.00}x ({Low:0.00} to {High:0.00}x)");

    // P(X < k) for X ~ Binomial(n, 1/2), summed in logarithms so large n does not overflow.
    private static double Below(int n, int k)
    {
        var total = 0.0;
        for (var i = 0; i < k; i++)
        {
            total += Math.Exp(LogChoose(n, i) - (n * Math.Log(2)));
        }

        return total;
    }

    private static double LogChoose(int n, int k)
    {
        var log = 0.0;
        for (var i = 1; i <= k; i++)
        {
            log += Math.Log(n - k + i) - Math.Log(i);
        }

        return log;
    }
}
