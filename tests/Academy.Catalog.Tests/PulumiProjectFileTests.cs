using Academy.Catalog.Settings;
using Academy.Catalog.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Academy.Catalog.Tests;

/// <summary>Pulumi.yaml declares the same config keys, defaults and descriptions as <see cref="ConfigKeys"/>.</summary>
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

    [Test]
    public void DeclaresExactlyTheKeysTheProgramReads()
    {
        var declared = ProjectConfig().Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToList();

        Assert.That(declared, Is.EquivalentTo(ConfigKeys.All.Select(o => o.FullKey)));
    }

    [Test]
    public void DefaultsAndTypesMatchTheCatalogs()
    {
        var config = ProjectConfig();
        Assert.Multiple(() =>
        {
            foreach (var option in ConfigKeys.All)
            {
                var entry = (YamlMappingNode)config[option.FullKey];
                var declaredDefault = entry.Children.TryGetValue("default", out var d)
                    ? d is YamlMappingNode { Children.Count: 0 } ? "{}" : ((YamlScalarNode)d).Value
                    : null;
                var declaredType = entry.Children.TryGetValue("type", out var t) ? ((YamlScalarNode)t).Value : null;

                // Pulumi.yaml's type enum has no object, so objects are untyped; every key still needs a
                // default there, or Pulumi refuses to run a stack that does not set it.
                Assert.That(declaredDefault, Is.EqualTo(option.Default), option.FullKey);
                Assert.That(declaredType, Is.EqualTo(option.Type switch
                {
                    ConfigType.String => "string",
                    ConfigType.Boolean => "boolean",
                    ConfigType.Integer => "integer",
                    _ => null,
                }), option.FullKey);
                Assert.That(((YamlScalarNode)entry["description"]).Value, Is.Not.Empty, option.FullKey);
            }
        });
    }
}
