using Academy.Sandbox.Tests.Support;

namespace Academy.Sandbox.Tests;

/// <summary>bin/academy-sandbox: builds only when a source is newer than the last build, then runs the CLI.</summary>
public sealed class LauncherTests
{
    private const string Building = "building academy-sandbox...";

    [Test]
    public async Task TheLauncherBuildsOnlyWhenASourceChangedAndRunsNothingAfterACompilerError()
    {
        using var checkout = new ScratchCheckout();

        var first = await PlanAsync(checkout);
        Assert.That(first.ExitCode, Is.Zero, first.Error);
        Assert.That(first.Error, Is.EqualTo(Building + "\n"), "the first run builds, saying so in one line");
        Assert.That(first.Output, Does.StartWith("Learner ada "));

        var second = await PlanAsync(checkout);
        Assert.That(second.ExitCode, Is.Zero, second.Error);
        Assert.That(second.Error, Is.Empty, "nothing changed, so nothing is built");
        Assert.That(second.Output, Is.EqualTo(first.Output));

        var source = Directory.EnumerateFiles(checkout.Resolve("infra/Academy.Catalog"), "*.cs").First();
        File.SetLastWriteTimeUtc(source, DateTime.UtcNow);
        var third = await PlanAsync(checkout);
        Assert.That(third.ExitCode, Is.Zero, third.Error);
        Assert.That(third.Error, Is.EqualTo(Building + "\n"), $"{Path.GetFileName(source)} changed, so the CLI is built again");

        var fourth = await PlanAsync(checkout);
        Assert.That(fourth.Error, Is.Empty);

        // A compiler error: the build's log, one closing line, and the old build is not run.
        File.WriteAllText(checkout.Resolve("seed/Academy.Sandbox/Broken.cs"), "namespace Academy.Sandbox; public class Broken { int }");
        var broken = await PlanAsync(checkout);
        Assert.Multiple(() =>
        {
            Assert.That(broken.ExitCode, Is.EqualTo(1));
            Assert.That(broken.Error, Does.StartWith(Building).And.Contain("Broken.cs").And.Contain("error CS"));
            Assert.That(broken.Error.TrimEnd(), Does.EndWith("academy-sandbox: the build failed (log above, also in .artifacts/sandbox/build.log)"));
            Assert.That(broken.Output, Is.Empty);
        });
    }

    private static Task<CliRun> PlanAsync(ScratchCheckout checkout) =>
        ScriptProcess.RunAsync(checkout.Root, "bin/academy-sandbox", ["plan", "--user", "ada"]);
}
