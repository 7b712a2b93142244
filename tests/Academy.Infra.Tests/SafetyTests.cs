using System.Collections.Concurrent;
using Academy.Catalog.Security;
using Academy.Infra.Tests.Support;
using Pulumi;
using Pulumi.Utilities;

namespace Academy.Infra.Tests;

/// <summary>Secrets, protection from data loss and least-privilege access (issue 5).</summary>
[TestFixture]
[NonParallelizable]
public class SafetyTests
{
    private static readonly string[] LearnerArns =
    [
        RecordingMocks.TableArn("alice-academy-global"),
        RecordingMocks.TableArn("alice-academy-jobs"),
    ];

    [TestCase(true)]
    [TestCase(false)]
    public async Task ASecretItemsKeyMakesItsItemsSecretAndNoOthers(bool secret)
    {
        var config = new Dictionary<string, string>
        {
            ["academy:items"] = """{"global": [{"name": "api-token", "token": "s3cr3t"}]}""",
        };

        var run = await PulumiRun.StackAsync(config, secret ? new[] { "academy:items" } : null);

        Assert.That(await Output.IsSecretAsync(run.Learner.ItemJson["global-api-token"]), Is.EqualTo(secret));
        Assert.That(await Output.IsSecretAsync(run.Learner.ItemJson["global-imdb-rest-api"]), Is.False);
        // A mocked engine is handed plaintext; the real one stores the secret encrypted.
        Assert.That(run.Mocks.Single(ResourceTypes.TableItem, "global-api-token").Inputs["item"],
            Is.EqualTo("""{"name":{"S":"api-token"},"token":{"S":"s3cr3t"}}"""));
    }

    [TestCase(false, false)]
    [TestCase(true, false)]
    [TestCase(false, true)]
    [TestCase(true, true)]
    public async Task ProtectRetainOnDeleteAndTeardownWithTheTableReachTheResourceOptions(bool protect, bool retain)
    {
        var catalog = Expected.Catalog(new Dictionary<string, string>
        {
            ["academy:protect"] = protect ? "true" : "false",
            ["academy:retainOnDelete"] = retain ? "true" : "false",
        });
        // The engine never sees options in a mocked run, but a transformation on the component is
        // handed every child's options as the component built them.
        var seen = new ConcurrentDictionary<string, ResourceOptions>();
        ResourceTransformationResult? Record(ResourceTransformationArgs args)
        {
            seen[$"{args.Resource.GetResourceType()}::{args.Resource.GetResourceName()}"] = args.Options;
            return null;
        }

        LearnerTables? learner = null;
        await Deployment.TestAsync(new RecordingMocks(), PulumiRun.Options(), () =>
        {
            learner = new LearnerTables(AcademyStack.ComponentName, catalog,
                new ComponentResourceOptions { ResourceTransformations = { Record } });
            return new Dictionary<string, object?>();
        });

        Assert.That(catalog.Tables, Has.Count.EqualTo(2));
        foreach (var table in catalog.Tables)
        {
            var options = (CustomResourceOptions)seen[$"{ResourceTypes.Table}::{table.Key}"];
            Assert.That(options.Protect, Is.EqualTo(protect), table.Key);
            Assert.That(options.RetainOnDelete, Is.EqualTo(retain), table.Key);
            Assert.That(options.DeleteBeforeReplace, Is.True, table.Key);
            Assert.That(options.DeletedWith, Is.Null, table.Key);
            Assert.That(options.ImportId, Is.Null, table.Key);
        }

        Assert.That(catalog.Items, Is.Not.Empty);
        foreach (var item in catalog.Items)
        {
            var options = (CustomResourceOptions)seen[$"{ResourceTypes.TableItem}::{item.LogicalName}"];
            Assert.That(options.Protect, Is.Not.True, item.LogicalName);
            Assert.That(options.RetainOnDelete, Is.EqualTo(retain), item.LogicalName);
            Assert.That(options.DeleteBeforeReplace, Is.True, item.LogicalName);
            // A destroy deletes each table once; the engine skips the deletes of the items it takes along.
            Assert.That(options.DeletedWith, Is.SameAs(learner!.Tables[item.TableKey]), item.LogicalName);
            Assert.That(options.ImportId, Is.Null, item.LogicalName);
        }
    }

    [Test]
    public async Task WithoutPrincipalsTheStackOnlyOutputsThePolicyDocuments()
    {
        var run = await PulumiRun.StackAsync();

        Assert.That(run.Mocks.Resources.Where(r => r.Type?.StartsWith("aws:iam/", StringComparison.Ordinal) == true), Is.Empty);
        var read = await OutputUtilities.GetValueAsync(run.Stack.ReadPolicyDocument);
        Assert.That(read, Is.EqualTo(AccessPolicies.ReadDocument(LearnerArns)));
        Assert.That(read, Does.Contain("\"dynamodb:GetItem\"").And.Contain(LearnerArns[0]).And.Contain(LearnerArns[1]));
        Assert.That(read, Does.Not.Contain("*").And.Not.Contain("dynamodb:PutItem"));
        var write = await OutputUtilities.GetValueAsync(run.Stack.WritePolicyDocument);
        Assert.That(write, Is.EqualTo(AccessPolicies.WriteDocument(LearnerArns)));
        Assert.That(write, Does.Contain("\"dynamodb:PutItem\"").And.Not.Contain("*").And.Not.Contain("DeleteTable"));
    }

    [Test]
    public async Task NamedPrincipalsGetTheirPolicyCreatedAndAttached()
    {
        var run = await PulumiRun.StackAsync(new Dictionary<string, string>
        {
            ["academy:etlRoleName"] = "academy-etl",
            ["academy:writerUserName"] = "config-bot",
        });

        var read = await OutputUtilities.GetValueAsync(run.Stack.ReadPolicyDocument);
        var write = await OutputUtilities.GetValueAsync(run.Stack.WritePolicyDocument);
        Assert.That(run.Mocks.OfType(ResourceTypes.Policy).Select(p => p.Name), Is.EquivalentTo(new[] { "etl-read", "writer-write" }));
        Assert.That(run.Mocks.Single(ResourceTypes.Policy, "etl-read").Inputs["policy"], Is.EqualTo(read));
        Assert.That(run.Mocks.Single(ResourceTypes.Policy, "writer-write").Inputs["policy"], Is.EqualTo(write));

        var role = run.Mocks.OfType(ResourceTypes.RolePolicyAttachment);
        Assert.That(role.Select(r => r.Name), Is.EqualTo(new[] { "etl-read-role" }));
        Assert.That(role[0].Inputs["role"], Is.EqualTo("academy-etl"));
        Assert.That(role[0].Inputs["policyArn"], Is.EqualTo(RecordingMocks.PolicyArn("etl-read")));

        var user = run.Mocks.OfType(ResourceTypes.UserPolicyAttachment);
        Assert.That(user.Select(u => u.Name), Is.EqualTo(new[] { "writer-write-user" }));
        Assert.That(user[0].Inputs["user"], Is.EqualTo("config-bot"));
        Assert.That(user[0].Inputs["policyArn"], Is.EqualTo(RecordingMocks.PolicyArn("writer-write")));
    }
}
