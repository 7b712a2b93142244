namespace Academy.Catalog.Settings;

/// <summary>
/// Every stack config key the program reads, in one place, and the one source of each key's type,
/// default and description: Pulumi.yaml and docs/configuration.md repeat them word for
/// word (tests/Academy.Catalog.Tests/ConfigReferenceTests keeps both in step and prints the
/// expected text when they drift).
/// </summary>
public static class ConfigKeys
{
    public const string Namespace = "academy";

    // Empty by default rather than absent: Pulumi refuses to run a stack that does not set a key
    // Pulumi.yaml declares without a default, and the stack name is only known at run time.
    public static readonly ConfigOption User = new(
        "user", ConfigType.String, "",
        "Learner name. Tables are named <user>-academy-<table>. Empty (the default): the stack name.");

    public static readonly ConfigOption SeedDir = new(
        "seedDir", ConfigType.String, "seed",
        "Folder (relative to Pulumi.yaml) holding tables.json and items/<table>.json.");

    public static readonly ConfigOption BillingMode = new(
        "billingMode", ConfigType.String, "PROVISIONED",
        "PROVISIONED (the course material's 1 read / 1 write unit) or PAY_PER_REQUEST.");

    public static readonly ConfigOption ReadCapacity = new(
        "readCapacity", ConfigType.Integer, "1",
        "Read capacity units per table; only with billingMode PROVISIONED.");

    public static readonly ConfigOption WriteCapacity = new(
        "writeCapacity", ConfigType.Integer, "1",
        "Write capacity units per table; only with billingMode PROVISIONED.");

    public static readonly ConfigOption PointInTimeRecovery = new(
        "pointInTimeRecovery", ConfigType.Boolean, "false",
        "Continuous backups. Off by default: course data is re-creatable from seed/ and backups cost extra.");

    public static readonly ConfigOption DeletionProtection = new(
        "deletionProtection", ConfigType.Boolean, "false",
        "DynamoDB deletion protection. Off by default so `pulumi destroy` works at the end of the course.");

    public static readonly ConfigOption ServerSideEncryption = new(
        "serverSideEncryption", ConfigType.Boolean, "false",
        "Encrypt with a KMS key (kmsKeyArn, else the AWS managed key). When false DynamoDB still encrypts with an AWS owned key, at no cost.");

    public static readonly ConfigOption KmsKeyArn = new(
        "kmsKeyArn", ConfigType.String, "",
        "Customer managed KMS key for serverSideEncryption; empty means the AWS managed key alias/aws/dynamodb.");

    public static readonly ConfigOption Tags = new(
        "tags", ConfigType.Object, "{}",
        "Extra tags for both tables (an object of string values), merged over the defaults learner, course and managed-by.");

    public static readonly ConfigOption Items = new(
        "items", ConfigType.Object, "{}",
        "Map of table (global, jobs) to a list of plain-JSON items; an item replaces the seed item with the same key or adds one.");

    public static readonly ConfigOption Adopt = new(
        "adopt", ConfigType.Object, "{}",
        "Map of table (global, jobs) to a list of its item keys that already exist in AWS: Pulumi imports that table and those items instead of creating them. Remove it after the import: `pulumi config rm academy:adopt`.");

    public static readonly ConfigOption Protect = new(
        "protect", ConfigType.Boolean, "false",
        "Pulumi `protect` on the tables: refuse to delete or replace them until unset.");

    public static readonly ConfigOption RetainOnDelete = new(
        "retainOnDelete", ConfigType.Boolean, "false",
        "Pulumi `retainOnDelete` on the tables and their items: `pulumi destroy` forgets them but leaves them in AWS.");

    public static readonly ConfigOption EtlRoleName = new(
        "etlRoleName", ConfigType.String, "",
        "IAM role the ETL runs as: the program creates the read policy and attaches it to this role. Empty: only output the policy document.");

    public static readonly ConfigOption EtlUserName = new(
        "etlUserName", ConfigType.String, "",
        "IAM user the ETL runs as: the program creates the read policy and attaches it to this user. Empty: only output the policy document.");

    public static readonly ConfigOption WriterRoleName = new(
        "writerRoleName", ConfigType.String, "",
        "IAM role of the tools that update configuration: the program creates the write policy and attaches it to this role. Empty: only output the policy document.");

    public static readonly ConfigOption WriterUserName = new(
        "writerUserName", ConfigType.String, "",
        "IAM user of the tools that update configuration: the program creates the write policy and attaches it to this user. Empty: only output the policy document.");

    public static readonly ConfigOption Roster = new(
        "roster", ConfigType.String, "",
        "Course stacks only: roster file (relative to Pulumi.yaml) listing the learners, each with their own tables. Empty (the default): the stack is one learner's.");

    private static readonly List<ConfigOption> Registered =
    [
        User, SeedDir, BillingMode, ReadCapacity, WriteCapacity, PointInTimeRecovery, DeletionProtection,
        ServerSideEncryption, KmsKeyArn, Tags, Items, Adopt, Protect, RetainOnDelete,
        EtlRoleName, EtlUserName, WriterRoleName, WriterUserName, Roster,
    ];

    public static IReadOnlyList<ConfigOption> All => Registered;

    public static ConfigOption? Find(string name) => Registered.FirstOrDefault(o => o.Name == name);
}
