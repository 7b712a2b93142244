using System.Text;
using Academy.Catalog.Tests.Support;

namespace Academy.Catalog.Tests;

public class EncodingTests
{
    [Test]
    public void SeedFilesAndTablesJsonWithAUtf8ByteOrderMarkAreReadAsWithout()
    {
        using var project = new ScratchProject();
        foreach (var file in new[] { "seed/tables.json", "seed/items/global.json", "seed/items/jobs.json" })
        {
            var path = Path.Combine(project.Root, file);
            File.WriteAllBytes(path, [.. Encoding.UTF8.GetPreamble(), .. File.ReadAllBytes(path)]);
        }

        project.Write("seed/items/global.dynamodb.json", "\uFEFF[{\"name\": {\"S\": \"caf\u00e9\"}}]");

        var catalog = TestProject.Build(paths: project.Paths);

        Assert.That(catalog.Items.Select(i => i.LogicalName), Is.EquivalentTo(TestProject.Build().Items.Select(i => i.LogicalName).Append("global-caf\u00e9")));
    }

    [Test]
    public void EscapedSurrogatePairsAndEscapedBackslashesBeforeUAreText()
    {
        // Only a lone half of a pair is refused; a whole pair is text, and so is \\ud800 (a backslash, then "ud800").
        using var project = new ScratchProject();
        project.Write("seed/items/global.dynamodb.json", """
            [{"name": {"S": "smile"}, "face": {"S": "\ud83d\ude00"}, "upper": {"S": "\uD83D\uDE00"}, "path": {"S": "C:\\ud800"}}]
            """);

        var item = TestProject.Build(paths: project.Paths).ItemsOf("global").Single(i => i.HashKeyValue == "smile").Attributes;

        Assert.Multiple(() =>
        {
            Assert.That(item["face"].S, Is.EqualTo("\U0001F600"));
            Assert.That(item["upper"].S, Is.EqualTo("\U0001F600"));
            Assert.That(item["path"].S, Is.EqualTo("C:\\ud800"));
        });
    }
}
