using Academy.Infra.Tests.Support;
using Pulumi;
using Pulumi.Utilities;
using DynamoDB = Pulumi.Aws.DynamoDB;
using Iam = Pulumi.Aws.Iam;

namespace Academy.Infra.Tests;

/// <summary>
/// Every value that came from a secret config key stays a Pulumi secret in what the program hands
/// each resource, and in the outputs derived from it (AdditionalSecretOutputs, stack outputs). A
/// mocked engine sees plaintext, so these look at the Outputs the program built. Each case also runs
/// with the same config in plain text, where nothing may be secret, so a case cannot pass vacuously.
/// </summary>
[TestFixture]
[NonParallelizable]
public class SecretConfigTests
{
    private const string Kms = "arn:aws:kms:eu-central-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private static readonly Dictionary<string, string> Principals = new()
    {
        ["academy:etlRoleName"] = "etl-role",
        ["academy:etlUserName"] = "etl-user",
        ["academy:writerRoleName"] = "writer-role",
        ["academy:writerUserName"] = "writer-user",
    };

    private static Task<bool> IsSecret<T>(Input<T>? input) => Output.IsSecretAsync(input.ToOutput());

    [TestCase(true)]
    [TestCase(false)]
    public async Task SecretTagsStaySecretOnEveryTableAndPolicyAndInTheirTagsAllOutputs(bool secret)
    {
        var config = new Dictionary<string, string>(Principals) { ["academy:tags"] = """{"team": "data"}""" };

        var run = await ChildRecorder.BuildAsync(Expected.Catalog(config, secret ? ["academy:tags"] : null));

        var tables = run.Names(ResourceTypes.Table);
        var policies = run.Names(ResourceTypes.Policy);
        Assert.That(tables, Is.EqualTo(new[] { "global", "jobs" }));
        Assert.That(policies, Is.EqualTo(new[] { "etl-read", "writer-write" }));
        foreach (var table in tables)
        {
            Assert.That(await IsSecret(run.Args<DynamoDB.TableArgs>(ResourceTypes.Table, table).Tags), Is.EqualTo(secret), table);
            Assert.That(run.Options(ResourceTypes.Table, table).AdditionalSecretOutputs.Contains("tagsAll"), Is.EqualTo(secret), table);
        }

        foreach (var policy in policies)
        {
            Assert.That(await IsSecret(run.Args<Iam.PolicyArgs>(ResourceTypes.Policy, policy).Tags), Is.EqualTo(secret), policy);
            Assert.That(run.Options(ResourceTypes.Policy, policy).AdditionalSecretOutputs.Contains("tagsAll"), Is.EqualTo(secret), policy);
        }

        // The tags still reach the engine, which stores a secret encrypted.
        Assert.That(Inputs.Map(run.Mocks.Single(ResourceTypes.Table, "global").Inputs["tags"])["team"], Is.EqualTo("data"));
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task ASecretKmsKeyArnStaysSecret(bool secret)
    {
        var config = new Dictionary<string, string> { ["academy:serverSideEncryption"] = "true", ["academy:kmsKeyArn"] = Kms };

        var run = await ChildRecorder.BuildAsync(Expected.Catalog(config, secret ? ["academy:kmsKeyArn"] : null));

        foreach (var table in run.Names(ResourceTypes.Table))
        {
            var encryption = await OutputUtilities.GetValueAsync(run.Args<DynamoDB.TableArgs>(ResourceTypes.Table, table).ServerSideEncryption.ToOutput());
            Assert.That(await IsSecret(encryption.KmsKeyArn), Is.EqualTo(secret), table);
            Assert.That(await IsSecret(encryption.Enabled), Is.False, "only the key's ARN came from the secret");
        }

        Assert.That(run.Names(ResourceTypes.Table), Has.Count.EqualTo(2));
    }

    [TestCase("academy:etlRoleName", ResourceTypes.RolePolicyAttachment, "etl-read-role")]
    [TestCase("academy:etlUserName", ResourceTypes.UserPolicyAttachment, "etl-read-user")]
    [TestCase("academy:writerRoleName", ResourceTypes.RolePolicyAttachment, "writer-write-role")]
    [TestCase("academy:writerUserName", ResourceTypes.UserPolicyAttachment, "writer-write-user")]
    public async Task ASecretRoleOrUserNameStaysSecretInItsAttachmentAndOnlyThere(string key, string type, string attachment)
    {
        var secret = await ChildRecorder.BuildAsync(Expected.Catalog(Principals, [key]));
        var plain = await ChildRecorder.BuildAsync(Expected.Catalog(Principals));

        foreach (var (run, expected) in new[] { (secret, true), (plain, false) })
        {
            var attachments = run.Names(ResourceTypes.RolePolicyAttachment).Select(n => (ResourceTypes.RolePolicyAttachment, n))
                .Concat(run.Names(ResourceTypes.UserPolicyAttachment).Select(n => (ResourceTypes.UserPolicyAttachment, n)))
                .ToList();
            Assert.That(attachments, Has.Count.EqualTo(4));
            foreach (var (kind, name) in attachments)
            {
                var principal = kind == ResourceTypes.RolePolicyAttachment
                    ? await IsSecret(run.Args<Iam.RolePolicyAttachmentArgs>(kind, name).Role)
                    : await IsSecret(run.Args<Iam.UserPolicyAttachmentArgs>(kind, name).User);
                Assert.That(principal, Is.EqualTo(expected && kind == type && name == attachment), $"{name} with {key} secret: {expected}");
            }
        }
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task ASecretUserKeepsTableNamesArnsDescriptionsAndDocumentsSecret(bool secret)
    {
        var config = new Dictionary<string, string>(Principals) { ["academy:user"] = "bob" };

        var run = await ChildRecorder.BuildAsync(Expected.Catalog(config, secret ? ["academy:user"] : null));

        var learner = run.Learner!;
        foreach (var table in run.Names(ResourceTypes.Table))
        {
            var args = run.Args<DynamoDB.TableArgs>(ResourceTypes.Table, table);
            Assert.That(await IsSecret(args.Name), Is.EqualTo(secret), table);
            Assert.That(await IsSecret(args.Tags), Is.EqualTo(secret), $"{table}: the learner tag is the user");
            Assert.That(run.Options(ResourceTypes.Table, table).AdditionalSecretOutputs,
                secret ? Is.SupersetOf(new[] { "name", "arn", "tagsAll" }) : Is.Empty, table);
        }

        var items = run.Names(ResourceTypes.TableItem);
        Assert.That(items, Is.Not.Empty);
        foreach (var item in items)
        {
            Assert.That(await IsSecret(run.Args<DynamoDB.TableItemArgs>(ResourceTypes.TableItem, item).TableName), Is.EqualTo(secret), item);
        }

        foreach (var policy in run.Names(ResourceTypes.Policy))
        {
            var args = run.Args<Iam.PolicyArgs>(ResourceTypes.Policy, policy);
            Assert.That(await IsSecret(args.Description), Is.EqualTo(secret), policy);
            Assert.That(await IsSecret(args.PolicyDocument), Is.EqualTo(secret), $"{policy}: the document names the tables");
        }

        Assert.That(await Output.IsSecretAsync(learner.TableNames), Is.EqualTo(secret));
        Assert.That(await Output.IsSecretAsync(learner.TableArns), Is.EqualTo(secret));
        Assert.That(await Output.IsSecretAsync(learner.ReadPolicyDocument), Is.EqualTo(secret));
        Assert.That(await Output.IsSecretAsync(learner.WritePolicyDocument), Is.EqualTo(secret));
        Assert.That(run.Mocks.Single(ResourceTypes.Table, "global").Inputs["name"], Is.EqualTo("bob-academy-global"));
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task TheStackOutputsOfASecretUserAreSecretAndItsCountsAndCostAreNot(bool secret)
    {
        var config = new Dictionary<string, string> { ["academy:user"] = "bob" };

        var run = await PulumiRun.StackAsync(config, secret ? ["academy:user"] : null);

        var stack = run.Stack;
        Assert.Multiple(async () =>
        {
            Assert.That(await Output.IsSecretAsync(stack.TableNames), Is.EqualTo(secret));
            Assert.That(await Output.IsSecretAsync(stack.TableArns), Is.EqualTo(secret));
            Assert.That(await Output.IsSecretAsync(stack.ReadPolicyDocument), Is.EqualTo(secret));
            Assert.That(await Output.IsSecretAsync(stack.WritePolicyDocument), Is.EqualTo(secret));
            Assert.That(await Output.IsSecretAsync(stack.ItemCounts), Is.False);
            Assert.That(await Output.IsSecretAsync(stack.EstimatedMonthlyCostUsd), Is.False);
            Assert.That((await OutputUtilities.GetValueAsync(stack.TableNames))["global"], Is.EqualTo("bob-academy-global"));
        });
    }

    [Test]
    public async Task NothingIsSecretWithoutASecretKey()
    {
        var config = new Dictionary<string, string>(Principals)
        {
            ["academy:tags"] = """{"team": "data"}""",
            ["academy:serverSideEncryption"] = "true",
            ["academy:kmsKeyArn"] = Kms,
        };

        var run = await ChildRecorder.BuildAsync(Expected.Catalog(config));

        foreach (var type in new[] { ResourceTypes.Table, ResourceTypes.TableItem, ResourceTypes.Policy, ResourceTypes.RolePolicyAttachment, ResourceTypes.UserPolicyAttachment })
        {
            Assert.That(run.Names(type), Is.Not.Empty, type);
            foreach (var name in run.Names(type))
            {
                Assert.That(run.Options(type, name).AdditionalSecretOutputs, Is.Empty, $"{type} {name}");
            }
        }
    }

    // Each key that reaches a table input, set to a value other than its default.
    [TestCase("academy:billingMode", "PAY_PER_REQUEST")]
    [TestCase("academy:readCapacity", "3")]
    [TestCase("academy:writeCapacity", "2")]
    [TestCase("academy:pointInTimeRecovery", "true")]
    [TestCase("academy:deletionProtection", "true")]
    [TestCase("academy:serverSideEncryption", "true")]
    public async Task EveryOtherSecretKeyThatReachesATableInputStaysSecretThere(string key, string value)
    {
        var config = new Dictionary<string, string> { [key] = value };

        var secret = await ChildRecorder.BuildAsync(Expected.Catalog(config, [key]));
        var plain = await ChildRecorder.BuildAsync(Expected.Catalog(config));

        foreach (var (run, expected) in new[] { (secret, true), (plain, false) })
        {
            Assert.That(run.Names(ResourceTypes.Table), Has.Count.EqualTo(2));
            foreach (var table in run.Names(ResourceTypes.Table))
            {
                var args = run.Args<DynamoDB.TableArgs>(ResourceTypes.Table, table);
                var input = key switch
                {
                    "academy:billingMode" => await IsSecret(args.BillingMode),
                    "academy:readCapacity" => await IsSecret(args.ReadCapacity),
                    "academy:writeCapacity" => await IsSecret(args.WriteCapacity),
                    "academy:pointInTimeRecovery" => await IsSecret((await OutputUtilities.GetValueAsync(args.PointInTimeRecovery.ToOutput())).Enabled),
                    "academy:deletionProtection" => await IsSecret(args.DeletionProtectionEnabled),
                    _ => await IsSecret((await OutputUtilities.GetValueAsync(args.ServerSideEncryption.ToOutput())).Enabled),
                };
                Assert.That(input, Is.EqualTo(expected), $"{table}: {key} secret {expected}");
                Assert.That(await IsSecret(args.HashKey), Is.False, "what came from no secret stays plain");
            }
        }
    }
}
