using System.Collections.Immutable;
using Academy.Catalog.Lifecycle;
using Academy.Catalog.Security;
using Academy.Catalog.Settings;
using Academy.Catalog.Tables;
using Pulumi;
using DynamoDB = Pulumi.Aws.DynamoDB;
using Iam = Pulumi.Aws.Iam;
using LearnerCatalog = Academy.Catalog.Catalog;

namespace Academy.Infra;

/// <summary>
/// One learner's tables and items, and the IAM policies for them when config names who gets
/// access. Children are named from the catalog only (table key; item table and key), never from
/// positions in a file, so reordering seed files or config changes nothing in a preview.
/// </summary>
public sealed class LearnerTables : ComponentResource
{
    public const string ResourceType = "academy:index:LearnerTables";

    public const string ReadPolicyName = AccessPolicies.ReadPolicyName;

    public const string WritePolicyName = AccessPolicies.WritePolicyName;

    private readonly string _prefix;

    /// <param name="prefixChildren">
    /// Name children &lt;name&gt;-&lt;child&gt;, as a stack holding several of these (a course) must: a
    /// child's URN carries its parent's type, not its name. Off for a learner stack, whose children
    /// keep the names they always had.
    /// </param>
    public LearnerTables(string name, LearnerCatalog catalog, ComponentResourceOptions? options = null, bool prefixChildren = false)
        : base(ResourceType, name, options)
    {
        _prefix = prefixChildren ? Academy.Catalog.Roster.CourseCatalog.ChildName(name, "") : "";
        var settings = catalog.Settings;
        // The learner name is in every table name and ARN, so a secret academy:user keeps all of them secret.
        var secretUser = settings.IsSecret(ConfigKeys.User);

        var tables = new Dictionary<string, DynamoDB.Table>(StringComparer.Ordinal);
        foreach (var spec in catalog.Tables)
        {
            tables[spec.Key] = new DynamoDB.Table(_prefix + spec.Key, TableArgs(spec, settings), Options(ResourceLifecycle.Of(catalog, spec), SecretOutputs(spec.Options, secretUser)));
        }

        // What every item of a table shares, worked out once per table rather than once per item.
        var parents = catalog.Tables.ToDictionary(spec => spec.Key, spec => new ItemParent(
            spec,
            tables[spec.Key],
            // From the table resource, not the spec, so every item depends on (and is replaced with) its table.
            Secret(secretUser, tables[spec.Key].Name),
            spec.RangeKey?.Name), StringComparer.Ordinal);
        var items = new Dictionary<string, DynamoDB.TableItem>(catalog.Items.Count, StringComparer.Ordinal);
        var itemJson = new Dictionary<string, Output<string>>(catalog.Items.Count, StringComparer.Ordinal);
        foreach (var item in catalog.Items)
        {
            var parent = parents[item.TableKey];
            var logicalName = item.LogicalName;
            var dynamoJson = item.ToDynamoJson();
            // A secret from stack config keeps the whole item secret: in the state, the diff and the log.
            var json = item.Secret ? Output.CreateSecret(dynamoJson) : Output.Create(dynamoJson);
            var args = new DynamoDB.TableItemArgs
            {
                TableName = parent.TableName,
                HashKey = parent.Table.HashKey,
                Item = json,
            };
            if (parent.RangeKey is { } range)
            {
                args.RangeKey = range;
            }

            items[logicalName] = new DynamoDB.TableItem(_prefix + logicalName, args, Options(ResourceLifecycle.Of(catalog, parent.Spec, item), parent.Table));
            itemJson[logicalName] = json;
        }

        Tables = tables;
        Items = items;
        ItemJson = itemJson;
        // The engine marks an output secret when its input was; these are derived, so they are marked here.
        TableNames = Secret(secretUser, ByKey(tables, t => t.Name));
        TableArns = Secret(secretUser, ByKey(tables, t => t.Arn));

        var arns = Output.All(catalog.Tables.Select(spec => tables[spec.Key].Arn));
        ReadPolicyDocument = Secret(secretUser, arns.Apply(a => AccessPolicies.ReadDocument(a)));
        WritePolicyDocument = Secret(secretUser, arns.Apply(a => AccessPolicies.WriteDocument(a)));
        Grant(new Principals(ReadPolicyName, settings.EtlRoleName, ConfigKeys.EtlRoleName, settings.EtlUserName, ConfigKeys.EtlUserName),
            ReadPolicyDocument, settings, "Read access to the academy configuration tables of learner");
        Grant(new Principals(WritePolicyName, settings.WriterRoleName, ConfigKeys.WriterRoleName, settings.WriterUserName, ConfigKeys.WriterUserName),
            WritePolicyDocument, settings, "Item read and write access to the academy configuration tables of learner");

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["tableNames"] = TableNames,
            ["tableArns"] = TableArns,
            ["readPolicyDocument"] = ReadPolicyDocument,
            ["writePolicyDocument"] = WritePolicyDocument,
        });
    }

    /// <summary>The table resources by table key (global, jobs).</summary>
    public IReadOnlyDictionary<string, DynamoDB.Table> Tables { get; }

    /// <summary>The item resources by logical name (&lt;table&gt;-&lt;key&gt;).</summary>
    public IReadOnlyDictionary<string, DynamoDB.TableItem> Items { get; }

    /// <summary>
    /// The <c>item</c> input each TableItem was given, by logical name. Kept because a mocked engine
    /// hands back plaintext, so only this Output shows whether an item went out as a secret.
    /// </summary>
    public IReadOnlyDictionary<string, Output<string>> ItemJson { get; }

    public Output<ImmutableDictionary<string, string>> TableNames { get; }

    public Output<ImmutableDictionary<string, string>> TableArns { get; }

    /// <summary>IAM policy JSON granting the ETL read access to exactly these tables.</summary>
    public Output<string> ReadPolicyDocument { get; }

    /// <summary>IAM policy JSON for the tools that write configuration items to these tables.</summary>
    public Output<string> WritePolicyDocument { get; }

    /// <summary>An item's table (spec and resource), the tableName input its items get, and the table's range key name.</summary>
    private sealed record ItemParent(TableSpec Spec, DynamoDB.Table Table, Input<string> TableName, string? RangeKey);

    private static DynamoDB.TableArgs TableArgs(TableSpec spec, CatalogSettings settings)
    {
        var args = new DynamoDB.TableArgs
        {
            Name = Secret(settings.IsSecret(ConfigKeys.User), spec.Name),
            BillingMode = Secret(settings.IsSecret(ConfigKeys.BillingMode), spec.Options.BillingMode.ToApiName()),
            HashKey = spec.HashKey.Name,
            Attributes = spec.AttributeDefinitions
                .Select(a => new DynamoDB.Inputs.TableAttributeArgs { Name = a.Name, Type = a.Type })
                .ToList(),
            PointInTimeRecovery = new DynamoDB.Inputs.TablePointInTimeRecoveryArgs
            {
                Enabled = Secret(settings.IsSecret(ConfigKeys.PointInTimeRecovery), spec.Options.PointInTimeRecovery),
            },
            DeletionProtectionEnabled = Secret(settings.IsSecret(ConfigKeys.DeletionProtection), spec.Options.DeletionProtection),
            Tags = Tags(spec.Options),
        };
        if (spec.RangeKey is { } range)
        {
            args.RangeKey = range.Name;
        }

        // Capacities exist only with PROVISIONED; the catalog leaves them null otherwise.
        if (spec.Options.ReadCapacity is { } read)
        {
            args.ReadCapacity = Secret(settings.IsSecret(ConfigKeys.ReadCapacity), read);
        }

        if (spec.Options.WriteCapacity is { } write)
        {
            args.WriteCapacity = Secret(settings.IsSecret(ConfigKeys.WriteCapacity), write);
        }

        // Left out when off: DynamoDB then encrypts with its own key, which is also what AWS reports back.
        if (spec.Options.ServerSideEncryption)
        {
            var encryption = new DynamoDB.Inputs.TableServerSideEncryptionArgs { Enabled = Secret(settings.IsSecret(ConfigKeys.ServerSideEncryption), true) };
            if (spec.Options.KmsKeyArn is { } kms)
            {
                encryption.KmsKeyArn = Secret(settings.IsSecret(ConfigKeys.KmsKeyArn), kms);
            }

            args.ServerSideEncryption = encryption;
        }

        return args;
    }

    // The decisions and their reasons live in the catalog (ResourceLifecycle); here they only become options.
    private CustomResourceOptions Options(TableLifecycle table, List<string> secretOutputs) => new()
    {
        Parent = this,
        Protect = table.Protect,
        RetainOnDelete = table.RetainOnDelete,
        DeleteBeforeReplace = table.DeleteBeforeReplace,
        ImportId = table.ImportId,
        AdditionalSecretOutputs = secretOutputs,
    };

    // Outputs the provider derives from secret inputs under another name: the ARN from the table name,
    // tagsAll from tags. (Outputs named like a secret input are kept secret by the engine itself.)
    private static List<string> SecretOutputs(TableOptions options, bool secretUser)
    {
        var outputs = new List<string>();
        if (secretUser)
        {
            outputs.AddRange(["name", "arn", "streamArn"]);
        }

        if (options.SecretTags.Count > 0)
        {
            outputs.Add("tagsAll");
        }

        return outputs;
    }

    /// <summary>The tags as an input: secret as a whole when any of them came from a secret key.</summary>
    private static Output<ImmutableDictionary<string, string>> Tags(TableOptions options) =>
        Secret(options.SecretTags.Count > 0, options.Tags.ToImmutableDictionary(StringComparer.Ordinal));

    private static Output<T> Secret<T>(bool secret, T value) => secret ? Output.CreateSecret(value) : Output.Create(value);

    private static Output<T> Secret<T>(bool secret, Output<T> value) => secret ? Output.CreateSecret(value) : value;

    private CustomResourceOptions Options(ItemLifecycle item, DynamoDB.Table table) => new()
    {
        Parent = this,
        RetainOnDelete = item.RetainOnDelete,
        DeleteBeforeReplace = item.DeleteBeforeReplace,
        DeletedWith = item.DeletedWithTable ? table : null,
        ImportId = item.ImportId,
    };

    // Creates the policy and attaches it only when config names a role or a user; the document
    // itself is always a stack output.
    private void Grant(Principals principals, Output<string> document, CatalogSettings settings, string description)
    {
        var (name, role, user) = (principals.Policy, principals.Role, principals.User);
        if (role is null && user is null)
        {
            return;
        }

        var options = settings.TableOptions;
        var policy = new Iam.Policy(_prefix + name, new Iam.PolicyArgs
        {
            PolicyDocument = document,
            Description = Secret(settings.IsSecret(ConfigKeys.User), $"{description} {settings.User}"),
            Tags = Tags(options),
        }, new CustomResourceOptions { Parent = this, AdditionalSecretOutputs = options.SecretTags.Count > 0 ? ["tagsAll"] : [] });

        if (role is not null)
        {
            _ = new Iam.RolePolicyAttachment($"{_prefix}{name}-role", new Iam.RolePolicyAttachmentArgs
            {
                Role = Secret(settings.IsSecret(principals.RoleKey), role),
                PolicyArn = policy.Arn,
            }, new CustomResourceOptions { Parent = this });
        }

        if (user is not null)
        {
            _ = new Iam.UserPolicyAttachment($"{_prefix}{name}-user", new Iam.UserPolicyAttachmentArgs
            {
                User = Secret(settings.IsSecret(principals.UserKey), user),
                PolicyArn = policy.Arn,
            }, new CustomResourceOptions { Parent = this });
        }
    }

    private static Output<ImmutableDictionary<string, string>> ByKey(
        IReadOnlyDictionary<string, DynamoDB.Table> tables, Func<DynamoDB.Table, Output<string>> pick)
    {
        var keys = tables.Keys.ToList();
        return Output.All(keys.Select(k => pick(tables[k])))
            .Apply(values => keys.Zip(values).ToImmutableDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
    }
}
