using Academy.Catalog.Settings;
using Academy.Catalog.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Academy.Catalog.Tests;

/// <summary>Pulumi.yaml declares exactly <see cref="ConfigKeys"/>: the same keys, types, defaults and descriptions.</summary>
public class PulumiProjectFileTests
{
    private static YamlMappingNode ProjectConfig()
    {
        var yaml = new YamlStream();
        using var reader = File.OpenText(TestProject.Repo.Resolve("Pulumi.yaml"));
        yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        return (YamlMappingNode)root["config"];
    }

    private static string? Scalar(YamlMappingNode entry, string name) =>
        entry.Children.TryGetValue(name, out var node) ? ((YamlScalarNode)node).Value : null;

    [Test]
    public void DeclaresExactlyTheKeysTheProgramReads()
    {
        var declared = ProjectConfig().Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToList();

        Assert.That(declared, Is.EqualTo(ConfigKeys.All.Select(o => o.FullKey)));
    }

    [Test]
    public void EveryKeySaysExactlyWhatConfigKeysSays()
    {
        var config = ProjectConfig();
        Assert.Multiple(() =>
        {
            foreach (var option in ConfigKeys.All)
            {
                var entry = (YamlMappingNode)config[option.FullKey];
                var fields = entry.Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToList();
                Assert.That(fields, Is.SubsetOf(new[] { "type", "default", "description", "secret" }), option.FullKey);
                Assert.That(Scalar(entry, "type"), Is.EqualTo(ConfigReference.YamlType(option)), $"{option.FullKey} type");
                Assert.That(Scalar(entry, "description"), Is.EqualTo(option.Description), $"{option.FullKey} description");
                Assert.That(Scalar(entry, "secret") == "true", Is.EqualTo(option.Secret), $"{option.FullKey} secret");

                // Without a default Pulumi refuses to run a stack that does not set the key.
                Assert.That(entry.Children.ContainsKey("default"), Is.True, $"{option.FullKey} has no default");
                if (option.Type == ConfigType.Object)
                {
                    Assert.That(option.Default, Is.EqualTo("{}"), option.FullKey);
                    Assert.That(entry["default"], Is.TypeOf<YamlMappingNode>().And.Property("Children").Empty, $"{option.FullKey} default");
                }
                else
                {
                    Assert.That(Scalar(entry, "default"), Is.EqualTo(option.Default), $"{option.FullKey} default");
                }
            }
        });
    }
}
