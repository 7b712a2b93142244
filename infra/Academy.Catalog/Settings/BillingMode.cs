namespace Academy.Catalog.Settings;

public enum BillingMode
{
    Provisioned,
    PayPerRequest,
}

public static class BillingModes
{
    /// <summary>The spelling DynamoDB, CloudFormation and Pulumi use.</summary>
    public static string ToApiName(this BillingMode mode) =>
        mode == BillingMode.Provisioned ? "PROVISIONED" : "PAY_PER_REQUEST";
}
