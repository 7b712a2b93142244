using Academy.Catalog.Errors;
using Academy.Sandbox.Config;
using Academy.Sandbox.Tests.Support;

namespace Academy.Sandbox.Tests;

/// <summary>Pulumi.&lt;stack&gt;.yaml read the way Pulumi hands config to the program.</summary>
public sealed class StackConfigTests
{
    [Test]
    public void ScalarsAreTextAndObjectsBecomeJsonTypedAsGoYamlTypesThem()
    {
        using var project = new ScratchProject();
        project.Write("Pulumi.bob.yaml", """
            config:
              aws:region: eu-central-1
              academy:user: bob
              academy:readCapacity: 5
              academy:tags:
                team: data
                cohort: 7
                quoted: "7"
                on: yes
              academy:items: '{"global": []}'
            """);

        var config = StackFileConfigSource.Load(project.Paths, "bob");

        Assert.Multiple(() =>
        {
            Assert.That(config.Names, Is.EquivalentTo(new[] { "user", "readCapacity", "tags", "items" }), "only academy:* keys");
            Assert.That(config.Get("readCapacity"), Is.EqualTo("5"));
            Assert.That(config.Get("tags"), Is.EqualTo("""{"cohort":7,"on":"yes","quoted":"7","team":"data"}"""), "keys sorted, plain 7 a number, yes a string (YAML 1.2)");
            Assert.That(config.Get("items"), Is.EqualTo("""{"global": []}"""), "a string holding JSON passes unchanged");
            Assert.That(config.IsSecret("tags"), Is.False);
        });
    }

    [Test]
    public void ALongPlainNumberIsRoundedAsPulumiRoundsItAndWarnedAbout()
    {
        using var project = new ScratchProject();
        project.Write("Pulumi.bob.yaml", """
            config:
              academy:items:
                global:
                  - name: big
                    n: 12345678901234567890123456789012345678
            """);

        var config = StackFileConfigSource.Load(project.Paths, "bob");

        Assert.That(config.Get("items"), Is.EqualTo("""{"global":[{"n":1.2345678901234568e+37,"name":"big"}]}"""));
        Assert.That(config.Warnings.Single(), Does.Contain("academy:items").And.Contain("seed/items"));
    }

    [Test]
    public void ASecureValueMarksItsKeySecret()
    {
        using var project = new ScratchProject();
        project.Write("Pulumi.bob.yaml", """
            config:
              academy:items:
                global:
                  - name: token
                    value:
                      secure: v1:abc
            """);

        var config = StackFileConfigSource.Load(project.Paths, "bob");

        Assert.That(config.IsSecret("items"), Is.True);
        Assert.That(config.Get("items"), Does.Not.Contain("v1:abc"));
    }

    [Test]
    public void AMissingStackFileNamesTheFile()
    {
        using var project = new ScratchProject();
        var error = Assert.Throws<CatalogException>(() => StackFileConfigSource.Load(project.Paths, "nobody"))!;
        Assert.That(error.Errors.Single().Source, Is.EqualTo("Pulumi.nobody.yaml"));
    }

    [TestCase(1.0, "1")]
    [TestCase(0.1, "0.1")]
    [TestCase(1e21, "1e+21")]
    [TestCase(1e20, "100000000000000000000")]
    [TestCase(1.5e-7, "1.5e-7")]
    [TestCase(-2.5, "-2.5")]
    public void FloatsPrintAsGoEncodingJsonPrintsThem(double value, string expected) =>
        Assert.That(PulumiYamlJson.GoFloat(value), Is.EqualTo(expected));
}
