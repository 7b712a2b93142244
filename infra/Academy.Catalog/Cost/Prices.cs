namespace Academy.Catalog.Cost;

/// <summary>
/// Public DynamoDB list prices, the only place they live. Europe (Frankfurt), eu-central-1, standard
/// table class, in USD, as the author knew them on <see cref="AsOf"/> (on-demand after AWS halved it on
/// 2024-11-01). List prices change: re-check them at <see cref="Source"/> before quoting a figure.
/// </summary>
public static class Prices
{
    public const string Region = "eu-central-1";

    public const string RegionName = "Europe (Frankfurt)";

    public const string AsOf = "2025-01";

    public const string TableClass = "standard";

    public const string Source = "https://aws.amazon.com/dynamodb/pricing/";

    /// <summary>AWS bills a month of provisioned capacity as 730 hours.</summary>
    public const decimal HoursPerMonth = 730m;

    public const decimal ReadCapacityUnitHour = 0.0001586m;

    public const decimal WriteCapacityUnitHour = 0.000793m;

    public const decimal ReadRequestUnitsPerMillion = 0.1525m;

    public const decimal WriteRequestUnitsPerMillion = 0.7625m;

    public const decimal StorageGbMonth = 0.306m;

    public const decimal PointInTimeRecoveryGbMonth = 0.2448m;

    /// <summary>DynamoDB bills storage with 100 bytes of index overhead per item.</summary>
    public const int ItemOverheadBytes = 100;

    /// <summary>Billing "GB" is 2^30 bytes.</summary>
    public const long BytesPerGb = 1L << 30;

    // The always-free tier, once per account and region (provisioned capacity only; on-demand requests
    // are never free). It is deducted only in course-wide figures, never per learner.
    public const int FreeTierReadCapacityUnits = 25;

    public const int FreeTierWriteCapacityUnits = 25;

    public const int FreeTierStorageGb = 25;
}
