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
}
