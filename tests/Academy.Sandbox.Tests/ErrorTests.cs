using System.Globalization;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Tests.Support;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Tests;

public sealed class ErrorTests
{
    [Test]
    public async Task NoEngineAtTheEndpointGivesOneLineNamingItAndWhatToRun()
    {
        var port = LoopbackPort.Free();
        var endpoint = $"http://127.0.0.1:{port}";

        var run = await Tool.RunAsync("up", "--endpoint", endpoint, "--project", LocalEngine.Repo.Root);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Unreachable));
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), run.Error);
        // The engine script listens on ACADEMY_SANDBOX_PORT, so the hint starts it on the port looked at.
        Assert.That(lines[0], Does.Contain(endpoint).And.Match($"`ACADEMY_SANDBOX_PORT={port} [^` ]*seed/engine/engine.sh start`").And.Not.Contain(" at Academy"));
        // Pasted where the command ran (here the test's own folder, not the checkout), it names the script.
        var script = System.Text.RegularExpressions.Regex.Match(lines[0], $"ACADEMY_SANDBOX_PORT={port} ([^` ]+) start").Groups[1].Value;
        Assert.That(File.Exists(Path.GetFullPath(script)), Is.True, $"{script} from {Environment.CurrentDirectory}");
    }

    // The engine script listens on 127.0.0.1 alone: started as the hint says, it would not answer at
    // [::1] either, so the hint also says which endpoint reaches it.
    [TestCase("http://[::1]:{0}")]
    [TestCase("http://[0:0:0:0:0:0:0:1]:{0}/")]
    public async Task NoEngineAtTheIpv6LoopbackSaysToUse127001(string form)
    {
        var port = LoopbackPort.Free();

        var run = await Tool.RunAsync("show", "--user", "zed", "--endpoint", string.Format(CultureInfo.InvariantCulture, form, port), "--project", LocalEngine.Repo.Root);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Unreachable));
        Assert.That(run.Error.TrimEnd(), Does.Match($"`ACADEMY_SANDBOX_PORT={port} [^` ]*seed/engine/engine.sh start`")
            .And.EndWith($"; the local engine listens on 127.0.0.1 only, so then use --endpoint http://127.0.0.1:{port}"));
    }

    // [::ffff:127.0.0.1] is 127.0.0.1 written as IPv6: the engine the hint starts answers there.
    [Test]
    public async Task NoEngineAtAnIpv4AddressWrittenAsIpv6GetsThePlainHint()
    {
        var port = LoopbackPort.Free();

        var run = await Tool.RunAsync("show", "--user", "zed", "--endpoint", $"http://[::ffff:127.0.0.1]:{port}", "--project", LocalEngine.Repo.Root);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Unreachable));
        Assert.That(run.Error.TrimEnd(), Does.EndWith("or pass the --endpoint URL of a running one").And.Not.Contain("127.0.0.1 only"));
    }

    // Set for the one command (`ACADEMY_SANDBOX_PORT=N academy-sandbox up`), the variable is not in the
    // shell the hint is pasted into: the hint sets it itself, or the engine would start on 8000.
    [Test]
    public async Task NoEngineOnThePortVariablesPortNamesTheVariableInTheHint()
    {
        var port = LoopbackPort.Free();
        var environment = PortVariable(port);

        var run = await BuiltTool.RunAsync(environment, "up", "--project", LocalEngine.Repo.Root);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Unreachable), run.Error);
        Assert.That(run.Error, Does.Contain($"http://127.0.0.1:{port}").And.Match($"`ACADEMY_SANDBOX_PORT={port} [^` ]*seed/engine/engine.sh start`"));
    }

    [Test]
    public async Task AnEnginePortFromThePortVariableIsSpelledOutInHints()
    {
        var user = Tool.NewUser();
        var port = new Uri(LocalEngine.Endpoint).Port;
        var environment = PortVariable(port);

        var run = await BuiltTool.RunAsync(environment, "show", "--user", user, "--project", LocalEngine.Repo.Root);

        Assert.That(run.Error, Does.Contain($"`academy-sandbox up --user {user} --project ").And.Contain($" --endpoint http://127.0.0.1:{port}`"), run.Error);
    }

    [Test]
    public async Task ATypoCorrectionSpellsOutThePortVariablesEngine()
    {
        var port = new Uri(LocalEngine.Endpoint).Port;
        var environment = PortVariable(port);

        var run = await BuiltTool.RunAsync(environment, "shwo", "--user", "zed");

        Assert.That(run.Error.TrimEnd(), Is.EqualTo($"'shwo' is not a command of academy-sandbox; did you mean `academy-sandbox show --user zed --endpoint http://127.0.0.1:{port}`? `academy-sandbox --help` lists the commands"));
    }

    // With the variable exported in the shell, the script itself would start the engine on its port,
    // not on 8000: the hint for 8000 then sets the variable too. (Nothing of the tests listens on 8000.)
    [Test]
    public async Task NoEngineAt8000WhileThePortVariableNamesAnotherSetsTheVariableTo8000()
    {
        var environment = PortVariable(LoopbackPort.Free());

        var run = await BuiltTool.RunAsync(environment, "show", "--user", "zed", "--project", LocalEngine.Repo.Root, "--endpoint", "http://127.0.0.1:8000");

        Assert.That(run.Error, Does.Match("`ACADEMY_SANDBOX_PORT=8000 [^` ]*seed/engine/engine.sh start`"));
    }

    // The tool then runs as its own process with the variable: tests beside these keep their environment.
    private static Dictionary<string, string?> PortVariable(int port) =>
        new() { [Academy.Sandbox.Engine.EngineTarget.PortVariable] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    [Test]
    public async Task AnInvalidCatalogExits2AndWritesNothing()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        project.Write($"Pulumi.{user}.yaml", """
            config:
              academy:billingMode: ON_DEMAND
              academy:items:
                global:
                  - tz: UTC
            """);

        var run = await Tool.RunAsync("up", "--stack", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.CatalogInvalid));
        Assert.That(run.Error, Does.Contain("academy:billingMode").And.Contain("academy:items"));
        Assert.That(await LocalEngine.TablesAsync(user), Is.Empty);
    }

    [Test]
    public async Task EndpointAndAwsTogetherAreRefused()
    {
        var run = await Tool.RunAsync("up", "--aws", "--endpoint", LocalEngine.Endpoint, "--project", LocalEngine.Repo.Root);
        Assert.That(run.ExitCode, Is.Not.Zero);
        Assert.That(run.Error, Does.Contain("--endpoint and --aws"));
    }
}
