using Academy.Sandbox.Compare;
using Academy.Sandbox.Tests.Support;
using Academy.Sandbox.Up;

namespace Academy.Sandbox.Tests;

/// <summary>UnprocessedItems and throttling, from a proxy that makes the real engine behave like a busy DynamoDB.</summary>
public sealed class RetryTests
{
    [Test]
    public async Task UnprocessedItemsAndThrottlingAreRetriedUntilEveryItemIsWritten()
    {
        using var project = new ScratchProject();
        project.Write("seed/items/global.json", ScaleTests.GlobalSeed(200));
        using var proxy = new FlakyProxy(LocalEngine.Endpoint);
        var user = Tool.NewUser();

        var run = await Tool.RunAsync("up", "--user", user, "--project", project.Root, "--endpoint", proxy.Endpoint);

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(proxy.Partial, Is.GreaterThan(5), "the engine really did leave items unprocessed");
        Assert.That(proxy.Throttled, Is.GreaterThan(3), "and really did throttle");
        Assert.That(run.Output, Does.Contain("201 written").And.Contain("retried"));
        var catalog = Academy.Catalog.CatalogBuilder.Build(new Academy.Catalog.Settings.DictionaryConfigSource(user), project.Paths);
        var live = (await Items.ScanAsync($"{user}-academy-global")).ToDictionary(i => i["name"].S);
        Assert.That(live, Has.Count.EqualTo(201));
        Assert.That(catalog.ItemsOf("global").All(i => AttributeValues.ItemsEqual(i.Attributes, live[i.HashKeyValue])), Is.True);
    }

    [Test]
    public void BackoffDelaysGrowExponentiallyWithJitterAndStayUnderTheCap()
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(5), 12);
        var delays = Enumerable.Range(0, 2000).Select(_ => backoff.Delay(3).TotalMilliseconds).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(delays.Min(), Is.GreaterThanOrEqualTo(0.0));
            Assert.That(delays.Max(), Is.LessThan(400.0), "attempt 3: up to 50 ms * 2^3");
            Assert.That(delays.Distinct().Count(), Is.GreaterThan(100), "jittered, not fixed");
            Assert.That(Enumerable.Range(0, 200).Max(_ => backoff.Delay(20).TotalMilliseconds), Is.LessThanOrEqualTo(5000.0), "capped");
        });
    }
}
