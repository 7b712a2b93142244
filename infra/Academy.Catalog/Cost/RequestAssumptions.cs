namespace Academy.Catalog.Cost;

/// <summary>
/// The request volume a PAY_PER_REQUEST estimate assumes, since nothing in the stack knows it: the ETL
/// reads its configuration a few times a day and configuration changes about once a month.
/// </summary>
/// <param name="EtlRunsPerDay">ETL runs a day; each reads every item once, strongly consistent (the dearest read).</param>
/// <param name="WritesPerItemPerMonth">How often each item is rewritten a month (a `pulumi up` or sandbox `up` that changes it).</param>
public sealed record RequestAssumptions(int EtlRunsPerDay, int WritesPerItemPerMonth)
{
    public static readonly RequestAssumptions Default = new(EtlRunsPerDay: 4, WritesPerItemPerMonth: 1);
}
