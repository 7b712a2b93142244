using Academy.Sandbox.Cli;
using Academy.Sandbox.Tests.Support;

namespace Academy.Sandbox.Tests;

/// <summary>The command line itself: option validation and what each command's help says.</summary>
public sealed class CommandLineTests
{
    [TestCase("0")]
    [TestCase("-3")]
    [TestCase("many")]
    [TestCase("65")]
    [TestCase("99999999999")]
    public async Task ConcurrencyOutOfRangeOrNotANumberIsOneLineNamingTheOptionAndNothingRuns(string value)
    {
        var run = await Tool.RunAsync("up", "--concurrency", value, "--endpoint", "http://127.0.0.1:1", "--project", LocalEngine.Repo.Root);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error.Trim(), Is.EqualTo($"--concurrency must be a whole number from 1 to 64, not '{value}'"));
        Assert.That(run.Output, Is.Empty, "no help dump, no up header: nothing ran");
    }

    [Test]
    public async Task AnOptionGivenWithoutItsValueIsOneUsageLineNamingItInEveryCommand()
    {
        var wrong = new List<string>();
        foreach (var command in SandboxCli.Build().Subcommands)
        {
            foreach (var option in command.Options.Where(o => o.Arity.MinimumNumberOfValues > 0))
            {
                var run = await Tool.RunAsync(command.Name, option.Name);
                var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                if (run.ExitCode != ExitCodes.Usage || lines.Length != 1 || !lines[0].Contains(option.Name, StringComparison.Ordinal))
                {
                    wrong.Add($"{command.Name} {option.Name}: exit {run.ExitCode}, {lines.FirstOrDefault()}");
                }
            }
        }

        Assert.That(wrong, Is.Empty);
    }

    [TestCase("show")]
    [TestCase("plan")]
    [TestCase("verify")]
    public async Task AnEndpointWithoutItsValueUnderJsonIsOneJsonDocumentWithTheUsageCode(string command)
    {
        var run = await Tool.RunAsync(command, "--json", "--endpoint");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        using var document = System.Text.Json.JsonDocument.Parse(run.Output);
        Assert.That(document.RootElement.GetProperty("exitCode").GetInt32(), Is.EqualTo(ExitCodes.Usage));
        Assert.That(document.RootElement.GetProperty("error").GetString(), Does.Contain("--endpoint"));
    }

    [TestCase("127.0.0.1:8000", "did you mean http://127.0.0.1:8000?")]
    [TestCase("localhost:8000", "did you mean http://localhost:8000?")]
    [TestCase("not a url", "not 'not a url'")]
    [TestCase("", "not ''")]
    [TestCase("ftp://x", "not 'ftp://x'")]
    [TestCase("http://127.0.0.1:99999", "not 'http://127.0.0.1:99999'")]
    [TestCase("http://127.0.0.1:0", "not 'http://127.0.0.1:0'")]
    [TestCase("http://", "not 'http://'")]
    [TestCase("http://127.0.0.1:8000 ", "and no spaces or control characters")]
    [TestCase("http://127.0.0.1:80\n00", "not 'http://127.0.0.1:80\\n00'")]
    [TestCase("\thttp://127.0.0.1:8000", "and no spaces or control characters")]
    [TestCase("http://127.0.0.1\u200b:8000", "and no spaces or control characters")]
    [TestCase("http://127.0.0.1:", "not 'http://127.0.0.1:' (a colon with no port after it)")]
    [TestCase("http://[::1]:/", "(a colon with no port after it)")]
    [TestCase("http://127.0.0.1:8000:", "(a colon with no port after it)")]
    [TestCase("http://0.0.0.0:8000", "(0.0.0.0 is the address a server listens on, not one to connect to; use 127.0.0.1 for this machine)")]
    [TestCase("http://[::]:8000", "([::] is the address a server listens on")]
    public async Task AnEndpointThatIsNotAnHttpUrlIsOneUsageLineNamingTheOptionWithAnExample(string value, string detail)
    {
        foreach (var command in new[] { "up", "show", "verify" })
        {
            var run = await Tool.RunAsync(command, "--endpoint", value, "--project", LocalEngine.Repo.Root);

            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), command);
            var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.That(lines, Has.Length.EqualTo(1), run.Error);
            Assert.That(lines[0], Does.StartWith("--endpoint must be an absolute http:// or https:// URL").And.Contain("such as http://127.0.0.1:8000").And.Contain(detail));
            Assert.That(run.Output, Is.Empty, "nothing ran");
        }
    }

    [Test]
    public async Task AnEndpointOfAHundredThousandCharactersIsRefusedAsAnExcerpt()
    {
        // Accepted before, it came back whole in the no-engine message: one line of 100 KB.
        var run = await Tool.RunAsync("show", "--endpoint", "http://" + new string('0', 100_000) + ":1", "--project", LocalEngine.Repo.Root);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error.Trim(), Does.StartWith("--endpoint must be an absolute http:// or https:// URL of at most 2,048 characters").And.EndWith("(100,009 characters)'"));
        Assert.That(run.Error.Length, Is.LessThan(500));
    }

    [TestCase("@x")]
    [TestCase("user@127.0.0.1:8000")]
    public async Task AnEndpointWithAnAtSignGetsNoSchemeSuggested(string value)
    {
        // "http://" in front would make a URL with a user name, which --endpoint refuses in turn.
        var run = await Tool.RunAsync("show", "--endpoint", value, "--project", LocalEngine.Repo.Root);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error.Trim(), Does.EndWith($"not '{value}'").And.Not.Contain("did you mean"));
    }

    [Test]
    public async Task AFlagTakenAsAValueIsRefusedBeforeAnythingIsCreated()
    {
        var run = await Tool.RunAsync("up", "--user", "--prune", "--endpoint", "http://127.0.0.1:1", "--project", LocalEngine.Repo.Root);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error.Trim(), Is.EqualTo("--user needs a value after it; '--prune' is an option, not its value"));
        Assert.That(run.Output, Is.Empty);
    }

    [Test]
    public void AWordEndingInALineFeedIsQuotedInASuggestedCommand() =>
        Assert.That(Hints.Typed(["show", "--user", "bob\n"]), Is.Not.EqualTo("`academy-sandbox show --user bob\n`"));

    [TestCase("--aws")]
    [TestCase("--user")]
    public async Task AnEndpointFollowedByAnotherOptionSaysItsUrlIsMissingWithoutSuggestingAUrlOfTheOption(string next)
    {
        var run = await Tool.RunAsync("adopt", "--endpoint", next, "--project", LocalEngine.Repo.Root);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error, Does.Contain($"--endpoint needs a URL after it, such as http://127.0.0.1:8000; '{next}' is an option, not a URL"));
        Assert.That(run.Error, Does.Not.Contain("http://-"));
    }

    [Test]
    public async Task AWordStartingWithAtIsOneUsageLineNeverAResponseFileRead()
    {
        // System.CommandLine would read @file as more arguments: a folder, /dev/zero or a file naming
        // itself crashed the tool, a FIFO blocked it. The tool takes no response files.
        var self = Path.GetTempFileName();
        File.WriteAllText(self, $"@{self}\n");
        try
        {
            foreach (var word in new[] { "@/tmp", "@/dev/zero", "@" + self })
            {
                var run = await Tool.RunAsync("plan", word, "--project", LocalEngine.Repo.Root).WaitAsync(TimeSpan.FromSeconds(30));

                Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), word);
                Assert.That(run.Error.Trim(), Does.StartWith($"plan takes no argument '{word}'"), word);
            }
        }
        finally
        {
            File.Delete(self);
        }
    }

    [TestCase("--endpoint --user bob", "--endpoint needs a URL after it, such as http://127.0.0.1:8000; '--user' is an option, not a URL")]
    [TestCase("--user --endpoint http://127.0.0.1:1", "--user needs a value after it; '--endpoint' is an option, not its value")]
    [TestCase("--stack --user bob", "--stack needs a value after it; '--user' is an option, not its value")]
    [TestCase("--user --json", "--user needs a value after it; '--json' is an option, not its value")]
    [TestCase("--user --help", "--user needs a value after it; '--help' is an option, not its value")]
    public async Task AnOptionThatTookTheNextOptionAsItsValueIsNamedRatherThanTheWordLeftOver(string line, string error)
    {
        var run = await Tool.RunAsync(["show", .. line.Split(' '), "--project", LocalEngine.Repo.Root]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error.Trim(), Is.EqualTo(error));
    }

    [TestCase("http://admin:hunter2@127.0.0.1:8000")]
    [TestCase("http://:hunter2@127.0.0.1:8000")]
    [TestCase("http://@127.0.0.1:8000")]
    public async Task AnEndpointWithAPasswordIsRefusedWithoutEchoingIt(string endpoint)
    {
        var run = await Tool.RunAsync("up", "--endpoint", endpoint, "--project", LocalEngine.Repo.Root);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error, Does.Contain("--endpoint must not carry a user name or password").And.Not.Contain("hunter2"));
    }

    [TestCase("http://127.0.0.1:8000")]
    [TestCase("https://dynamodb.eu-west-1.amazonaws.com")]
    [TestCase("http://[::1]:8000")]
    [TestCase("http://localhost:8000/")]
    public void AnHttpOrHttpsUrlWithAHostIsAnEndpoint(string value) =>
        Assert.That(Academy.Sandbox.Engine.EndpointUrl.Problem(value), Is.Null);

    [Test]
    public async Task HelpListsTheExitCodesIncludingTheUsageCode()
    {
        var run = await Tool.RunAsync("up", "--help");

        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Output, Does.Contain("Exit codes:").And.Contain($"  {ExitCodes.Usage,-5}").And.Contain("the command line is wrong").And.Contain("  3    no DynamoDB answers"));
        Assert.That(run.Output, Does.Contain("--endpoint <url>"), "the usual help comes first");
    }

    // The variable is the process's, so the tool runs as its own process with it: tests beside this one keep theirs.
    [TestCase("99999")]
    [TestCase("eight thousand")]
    [TestCase("-1")]
    public async Task ABadSandboxPortVariableIsAUsageErrorNamingItNotASilentFallback(string value)
    {
        var environment = new Dictionary<string, string?> { [Academy.Sandbox.Engine.EngineTarget.PortVariable] = value };

        var run = await BuiltTool.RunAsync(environment, "show", "--project", LocalEngine.Repo.Root);
        var given = await BuiltTool.RunAsync(environment, "plan", "--project", LocalEngine.Repo.Root);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error.Trim(), Is.EqualTo($"ACADEMY_SANDBOX_PORT must be a port from 1 to 65535 (the local engine's), not '{value}'; fix or unset it, or pass --endpoint URL"));
        Assert.That(given.ExitCode, Is.Zero, "plan talks to no engine, so the variable does not matter to it");
    }
}
