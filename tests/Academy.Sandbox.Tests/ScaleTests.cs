using System.Globalization;
using System.Text;
using Academy.Sandbox.Compare;
using Academy.Sandbox.Tests.Support;

namespace Academy.Sandbox.Tests;

public sealed class ScaleTests
{
    public const int Count = 10_000;

    /// <summary>A seed file of the course's global item plus <paramref name="count"/> generated ones.</summary>
    public static string GlobalSeed(int count)
    {
        var json = new StringBuilder("[\n");
        json.Append(File.ReadAllText(LocalEngine.Repo.Resolve("seed/items/global.json")).Trim().TrimStart('[').TrimEnd(']').Trim());
        for (var i = 0; i < count; i++)
        {
            json.Append(CultureInfo.InvariantCulture, $$$"""
                ,
                {"name": "bulk-{{{i:D5}}}", "index": {{{i}}}, "ratio": {{{i}}}.25, "port": "", "tags": ["t{{{i % 7}}}", "bulk"], "nested": {"even": {{{(i % 2 == 0 ? "true" : "false")}}}, "none": null}}
                """);
        }

        return json.Append("\n]\n").ToString();
    }

    [Test]
    public async Task TenThousandItemsAreSeededWithNoneLost()
    {
        using var project = new ScratchProject();
        project.Write("seed/items/global.json", GlobalSeed(Count));
        var user = Tool.NewUser();

        var run = await Tool.RunAsync("up", "--user", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint, "--concurrency", "8");
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Output, Does.Contain($"{Count + 1:N0} written"));

        var catalog = Academy.Catalog.CatalogBuilder.Build(new Academy.Catalog.Settings.DictionaryConfigSource(user), project.Paths);
        var live = (await Items.ScanAsync($"{user}-academy-global")).ToDictionary(i => i["name"].S);
        Assert.That(live, Has.Count.EqualTo(Count + 1));
        var wrong = catalog.ItemsOf("global").Where(i => !live.TryGetValue(i.HashKeyValue, out var got) || !AttributeValues.ItemsEqual(i.Attributes, got)).Select(i => i.HashKeyValue).ToList();
        Assert.That(wrong, Is.Empty, "every item back with every attribute");

        var verify = await Tool.RunAsync("verify", "--user", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint);
        Assert.That(verify.ExitCode, Is.Zero, verify.Output);
        Assert.That(verify.Output, Does.Contain($"{Count + 1:N0} item(s) match"));
    }
}
