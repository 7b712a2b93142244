using System.Text.Json;
using Academy.Catalog.Security;
using Academy.Catalog.Tests.Support;

namespace Academy.Catalog.Tests.Safety;

public class AccessPolicyTests
{
    private const string Account = "123456789012";

    private static readonly string[] TableArns = TestProject.Build("alice").Tables
        .Select(t => $"arn:aws:dynamodb:eu-central-1:{Account}:table/{t.Name}")
        .ToArray();

    private static readonly string[] ExpectedReads =
        ["dynamodb:BatchGetItem", "dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan"];

    private static readonly string[] ExpectedWrites =
        ["dynamodb:BatchWriteItem", "dynamodb:DeleteItem", "dynamodb:PutItem", "dynamodb:UpdateItem"];

    private sealed record Statement(string Sid, string Effect, string[] Actions, string[] Resources, string[] Keys);

    private static (string Version, Statement[] Statements) Parse(string document)
    {
        using var json = JsonDocument.Parse(document);
        var root = json.RootElement;
        var statements = root.GetProperty("Statement").EnumerateArray().Select(s => new Statement(
            s.GetProperty("Sid").GetString()!,
            s.GetProperty("Effect").GetString()!,
            s.GetProperty("Action").EnumerateArray().Select(a => a.GetString()!).ToArray(),
            s.GetProperty("Resource").EnumerateArray().Select(a => a.GetString()!).ToArray(),
            s.EnumerateObject().Select(p => p.Name).ToArray())).ToArray();
        return (root.GetProperty("Version").GetString()!, statements);
    }

    [Test]
    public void TheEtlMayReadExactlyTheLearnersTwoTablesAndNothingElse()
    {
        var (version, statements) = Parse(AccessPolicies.ReadDocument(TableArns));

        Assert.That(version, Is.EqualTo("2012-10-17"));
        var statement = statements.Single();
        Assert.Multiple(() =>
        {
            Assert.That(statement.Sid, Is.EqualTo("ReadAcademyConfiguration"));
            Assert.That(statement.Effect, Is.EqualTo("Allow"));
            Assert.That(statement.Actions, Is.EqualTo(ExpectedReads));
            Assert.That(statement.Resources, Is.EqualTo(new[]
            {
                "arn:aws:dynamodb:eu-central-1:123456789012:table/alice-academy-global",
                "arn:aws:dynamodb:eu-central-1:123456789012:table/alice-academy-jobs",
            }));
            Assert.That(statement.Keys, Is.EqualTo(new[] { "Sid", "Effect", "Action", "Resource" }), "no NotAction, NotResource or Condition that would widen or blur it");
        });
    }

    [Test]
    public void ConfigurationToolsMayReadAndWriteItemsButNeverCreateOrDeleteTables()
    {
        var (version, statements) = Parse(AccessPolicies.WriteDocument(TableArns));

        Assert.That(version, Is.EqualTo("2012-10-17"));
        Assert.That(statements.Select(s => s.Sid), Is.EqualTo(new[] { "ReadAcademyConfiguration", "WriteAcademyConfigurationItems" }));
        Assert.Multiple(() =>
        {
            Assert.That(statements[0].Actions, Is.EqualTo(ExpectedReads));
            Assert.That(statements[1].Actions, Is.EqualTo(ExpectedWrites));
            foreach (var statement in statements)
            {
                Assert.That(statement.Effect, Is.EqualTo("Allow"));
                Assert.That(statement.Resources, Is.EqualTo(TableArns.Order(StringComparer.Ordinal)));
            }
        });
    }

    [Test]
    public void NoActionOrResourceIsAWildcardAndThePublicListsAreWhatTheDocumentsGrant()
    {
        var granted = new[] { AccessPolicies.ReadDocument(TableArns), AccessPolicies.WriteDocument(TableArns) }
            .SelectMany(d => Parse(d).Statements)
            .SelectMany(s => s.Actions.Concat(s.Resources))
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(granted, Has.None.Contains("*").And.None.Contains("?"));
            Assert.That(AccessPolicies.ReadActions, Is.EqualTo(ExpectedReads));
            Assert.That(AccessPolicies.WriteActions, Is.EqualTo(ExpectedWrites));
        });
    }

    [Test]
    public void TableOrderDoesNotChangeTheDocument()
    {
        Assert.That(AccessPolicies.ReadDocument(TableArns.Reverse().ToArray()), Is.EqualTo(AccessPolicies.ReadDocument(TableArns)));
    }

    [TestCase("arn:aws-cn:dynamodb:cn-north-1:123456789012:table/bob-academy-global")]
    [TestCase("arn:aws-us-gov:dynamodb:us-gov-west-1:123456789012:table/bob.academy_global")]
    public void TableArnsOfEveryPartitionAreAccepted(string arn)
    {
        var resources = Parse(AccessPolicies.ReadDocument([arn])).Statements.Single().Resources;

        Assert.That(resources, Is.EqualTo(new[] { arn }));
    }

    [TestCase(new string[0], "at least one table ARN")]
    [TestCase(new[] { "alice-academy-global" }, "'alice-academy-global' is not a DynamoDB table ARN")]
    [TestCase(new[] { "arn:aws:dynamodb:eu-central-1:123456789012:table/*" }, "is not a DynamoDB table ARN")]
    [TestCase(new[] { "arn:aws:dynamodb:eu-central-1:123456789012:table/alice-academy-global/index/by-source" }, "is not a DynamoDB table ARN")]
    [TestCase(new[] { "arn:aws:dynamodb:eu-central-1:123456789012:table/alice-academy-global/stream/2026-11-26T07:00:00.000" }, "is not a DynamoDB table ARN")]
    [TestCase(new[] { "arn:aws:dynamodb:*:123456789012:table/alice-academy-global" }, "is not a DynamoDB table ARN")]
    [TestCase(new[] { "arn:aws:dynamodb:eu-central-1::table/alice-academy-global" }, "is not a DynamoDB table ARN")]
    [TestCase(new[] { "arn:aws:s3:::alice-academy-global" }, "is not a DynamoDB table ARN")]
    [TestCase(new[] { "arn:aws:dynamodb:eu-central-1:123456789012:table/alice-academy-global", "arn:aws:dynamodb:eu-central-1:123456789012:table/alice-academy-global" }, "is listed twice")]
    public void AnythingButDistinctTableArnsIsRefused(string[] arns, string fragment)
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => AccessPolicies.ReadDocument(arns), Throws.ArgumentException.With.Message.Contains(fragment));
            Assert.That(() => AccessPolicies.WriteDocument(arns), Throws.ArgumentException.With.Message.Contains(fragment));
        });
    }
}
