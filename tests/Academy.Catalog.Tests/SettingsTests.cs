using Academy.Catalog.Settings;
using Academy.Catalog.Tests.Support;

namespace Academy.Catalog.Tests;

public class SettingsTests
{
    [Test]
    public void AnEmptyUserIsPulumiYamlsDefaultAndMeansTheStackName()
    {
        var catalog = TestProject.Build("carol", new() { ["user"] = "" });

        Assert.That(catalog.Settings.User, Is.EqualTo("carol"));
        Assert.That(catalog.Settings.UserFromStackName, Is.True);
        Assert.That(catalog.Tables.Select(t => t.Name), Is.EquivalentTo(new[] { "carol-academy-global", "carol-academy-jobs" }));
    }

    [Test]
    public void PayPerRequestDropsCapacitiesAndOptionsReachEveryTable()
    {
        var catalog = TestProject.Build(config: new()
        {
            ["billingMode"] = "PAY_PER_REQUEST",
            ["pointInTimeRecovery"] = "true",
            ["deletionProtection"] = "true",
            ["serverSideEncryption"] = "true",
            ["kmsKeyArn"] = "arn:aws:kms:eu-central-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            ["tags"] = """{"cohort": "2026-autumn", "course": "de-101"}""",
        });

        Assert.Multiple(() =>
        {
            foreach (var table in catalog.Tables)
            {
                Assert.That(table.Options.BillingMode.ToApiName(), Is.EqualTo("PAY_PER_REQUEST"));
                Assert.That(table.Options.ReadCapacity, Is.Null);
                Assert.That(table.Options.WriteCapacity, Is.Null);
                Assert.That(table.Options.PointInTimeRecovery && table.Options.DeletionProtection && table.Options.ServerSideEncryption, Is.True);
                Assert.That(table.Options.KmsKeyArn, Does.StartWith("arn:aws:kms:"));
                Assert.That(table.Options.Tags, Is.EqualTo(new Dictionary<string, string>
                {
                    ["cohort"] = "2026-autumn",
                    ["course"] = "de-101",
                    ["learner"] = "alice",
                    ["managed-by"] = "pulumi",
                }));
            }
        });
    }

    [Test]
    public void ProvisionedCapacitiesComeFromConfig()
    {
        var table = TestProject.Build(config: new() { ["readCapacity"] = "5", ["writeCapacity"] = "2" }).Table("jobs");

        Assert.That((table.Options.ReadCapacity, table.Options.WriteCapacity), Is.EqualTo((5, 2)));
    }

    [Test]
    public void EveryBadOptionIsReportedByItsConfigKey()
    {
        var errors = Failures.Of(() => TestProject.Build(config: new()
        {
            ["billingMode"] = "ON_DEMAND",
            ["readCapacity"] = "0",
            ["writeCapacity"] = "lots",
            ["pointInTimeRecovery"] = "yes",
            ["kmsKeyArn"] = "arn:aws:kms:eu-central-1:123456789012:key/x",
            ["tags"] = """{"aws:owner": "me", "ok": 3}""",
            ["itemz"] = "{}",
        })).Select(e => e.ToString()).ToList();

        Assert.That(errors, Is.SupersetOf(new[]
        {
            "config academy:billingMode: 'ON_DEMAND' is not a billing mode; use PROVISIONED or PAY_PER_REQUEST",
            "config academy:readCapacity: '0' is not a whole number from 1 to 40000",
            "config academy:writeCapacity: 'lots' is not a whole number from 1 to 40000",
            "config academy:pointInTimeRecovery: 'yes' is not true or false",
            "config academy:kmsKeyArn: a KMS key is used only with academy:serverSideEncryption true",
            "config academy:tags: tag 'aws:owner': the aws: prefix is reserved by AWS",
            "config academy:tags: tag 'ok': values must be strings",
        }));
        Assert.That(errors, Has.One.StartsWith("config academy:itemz: unknown key. Known keys: user, seedDir,"));
    }

    [Test]
    public void CapacitiesChangedUnderPayPerRequestAreAMistakeButPulumiDefaultsAreNot()
    {
        // Pulumi hands the program Pulumi.yaml's defaults (1) as if they were set.
        Assert.That(TestProject.Build(config: new() { ["billingMode"] = "PAY_PER_REQUEST", ["readCapacity"] = "1" }).Table("global").Options.ReadCapacity, Is.Null);

        var error = Failures.Of(() => TestProject.Build(config: new() { ["billingMode"] = "PAY_PER_REQUEST", ["writeCapacity"] = "5" })).Single();
        Assert.That(error.ToString(), Does.StartWith("config academy:writeCapacity: capacities apply only with billingMode PROVISIONED"));
    }
}
