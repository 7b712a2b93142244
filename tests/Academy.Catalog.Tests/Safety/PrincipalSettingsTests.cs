using Academy.Catalog.Tests.Support;

namespace Academy.Catalog.Tests.Safety;

public class PrincipalSettingsTests
{
    [Test]
    public void WithoutPrincipalsThePolicyIsOnlyAnOutput()
    {
        var settings = TestProject.Build().Settings;

        Assert.That(new[] { settings.EtlRoleName, settings.EtlUserName, settings.WriterRoleName, settings.WriterUserName }, Is.All.Null);
    }

    [Test]
    public void PulumiYamlsEmptyDefaultsMeanNoPrincipal()
    {
        // Pulumi hands the program declared defaults as if they were set.
        var settings = TestProject.Build(config: new()
        {
            ["etlRoleName"] = "",
            ["etlUserName"] = "",
            ["writerRoleName"] = "",
            ["writerUserName"] = "",
        }).Settings;

        Assert.That(new[] { settings.EtlRoleName, settings.EtlUserName, settings.WriterRoleName, settings.WriterUserName }, Is.All.Null);
    }

    [Test]
    public void ValidNamesReachTheSettingsUnchanged()
    {
        var longest = new string('r', 64);
        var settings = TestProject.Build(config: new()
        {
            ["etlRoleName"] = "academy-etl",
            ["etlUserName"] = "svc+etl=1,ops.team@example_org",
            ["writerRoleName"] = longest,
            ["writerUserName"] = "ConfigWriter",
        }).Settings;

        Assert.That(
            (settings.EtlRoleName, settings.EtlUserName, settings.WriterRoleName, settings.WriterUserName),
            Is.EqualTo(("academy-etl", "svc+etl=1,ops.team@example_org", longest, "ConfigWriter")));
    }

    [TestCase("etlRoleName", "etl role", "'etl role' is not an IAM role name; use only a-z, A-Z, 0-9 and + = , . @ _ -")]
    [TestCase("etlUserName", "étl", "'étl' is not an IAM user name")]
    [TestCase("writerRoleName", "arn:aws:iam::123456789012:role/academy-writer", "is an ARN; give the role's name only")]
    [TestCase("writerUserName", "/academy/writer", "has a '/'; give the user's name without its path")]
    [TestCase("etlRoleName", "etl*", "is not an IAM role name")]
    [TestCase("etlRoleName", "academy-etl\n", "is not an IAM role name")]
    public void ABadNameIsAnErrorNamingItsConfigKey(string key, string value, string message)
    {
        var error = Failures.Of(() => TestProject.Build(config: new() { [key] = value })).Single();

        Assert.Multiple(() =>
        {
            Assert.That(error.Source, Is.EqualTo($"config academy:{key}"));
            Assert.That(error.Item, Is.Null);
            Assert.That(error.Message, Does.Contain(message));
        });
    }

    [Test]
    public void SixtyFiveCharactersIsOneTooMany()
    {
        var error = Failures.Of(() => TestProject.Build(config: new() { ["etlRoleName"] = new string('r', 65) })).Single();

        Assert.That(error.ToString(), Does.StartWith("config academy:etlRoleName: ").And.Contains("is 65 characters; an IAM role name is 1 to 64"));
    }
}
