using Academy.Sandbox.Tests.Support;

namespace Academy.Sandbox.Tests;

/// <summary>scripts/sandbox.sh's own commands and options, checked before anything starts.</summary>
public sealed class SandboxScriptTests
{
    [TestCase("stpo", "unknown command 'stpo'")]
    [TestCase("start now", "'start' takes no options")]
    [TestCase("--frobnicate", "unknown option '--frobnicate'")]
    [TestCase("--user", "--user needs a value")]
    [TestCase("--user --prune", "--user needs a value")]
    [TestCase("--prune=yes", "--prune takes no value")]
    public async Task AWrongWordIsRejectedBeforeTheEngineStartsOrAnythingBuilds(string args, string message)
    {
        using var checkout = new ScratchCheckout();
        var run = await ScriptProcess.RunAsync(checkout.Root, "scripts/sandbox.sh", args.Split(' '), new Dictionary<string, string> { ["PATH"] = checkout.SearchPath });

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error, Does.StartWith($"sandbox: {message}").And.Contain("scripts/sandbox.sh help"));
            Assert.That(run.Output, Is.Empty);
            Assert.That(File.Exists(checkout.Resolve("stand-ins/npm.ran")), Is.False, "the engine install ran");
            Assert.That(Directory.Exists(checkout.Resolve(".artifacts")), Is.False, "academy-sandbox was built");
            Assert.That(File.Exists(checkout.Resolve("seed/engine/engine.pid")), Is.False, "the engine was started");
        });
    }

    [TestCase("--help")]
    [TestCase("help")]
    [TestCase("-h")]
    [TestCase("--user alice --help")]
    public async Task HelpPrintsTheScriptsOwnCommandsAndStartsNothing(string args)
    {
        using var checkout = new ScratchCheckout();
        var run = await ScriptProcess.RunAsync(checkout.Root, "scripts/sandbox.sh", args.Split(' '), new Dictionary<string, string> { ["PATH"] = checkout.SearchPath });

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Error);
            Assert.That(run.Output, Does.StartWith("usage: scripts/sandbox.sh [up] [OPTIONS]"));
            foreach (var command in new[] { "start", "stop", "status", "reset", "cli ARGS...", "help" })
            {
                Assert.That(run.Output, Does.Contain($"scripts/sandbox.sh {command} "), command);
            }

            Assert.That(Directory.Exists(checkout.Resolve(".artifacts")), Is.False, "academy-sandbox was built");
            Assert.That(File.Exists(checkout.Resolve("stand-ins/npm.ran")), Is.False, "the engine install ran");
        });
    }

    // The README's first set-up command, exactly as written there: no arguments at all.
    [Test]
    public async Task WithNoArgumentsItUpsAndShowsTheDefaultLearner()
    {
        using var script = ScriptTests.StartSandbox();
        var code = await script.WaitForExitAsync(TimeSpan.FromMinutes(3));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, script.Error);
            Assert.That(script.Output, Does.Contain($"up: learner sandbox -> {LocalEngine.Endpoint}"));
            Assert.That(script.Output, Does.Contain($"What the ETL sees for learner sandbox at {LocalEngine.Endpoint}"));
        });
    }

    [TestCase("--user={0}")]
    [TestCase("--user {0}")]
    [TestCase("up --user={0}")]
    public async Task TheLearnerOptionReachesUpAndShowAlike(string form)
    {
        var user = Tool.NewUser();
        using var script = ScriptTests.StartSandbox(string.Format(System.Globalization.CultureInfo.InvariantCulture, form, user).Split(' '));
        var code = await script.WaitForExitAsync(TimeSpan.FromMinutes(3));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, script.Error);
            Assert.That(script.Output, Does.Contain($"up: learner {user} -> {LocalEngine.Endpoint}"));
            Assert.That(script.Output, Does.Contain($"What the ETL sees for learner {user} at {LocalEngine.Endpoint}"));
        });
    }

    [Test]
    public async Task AnEndpointOptionSkipsTheLocalEngineAndReachesBothCommands()
    {
        var user = Tool.NewUser();
        using var script = ScriptTests.StartSandbox("--endpoint=" + LocalEngine.Endpoint, "--user", user);
        var code = await script.WaitForExitAsync(TimeSpan.FromMinutes(3));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, script.Error);
            Assert.That(script.Output, Does.Not.Contain("engine:"));
            Assert.That(script.Output, Does.Contain($"What the ETL sees for learner {user} at {LocalEngine.Endpoint}"));
        });
    }
}
