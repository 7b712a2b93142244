using System.Text.Json;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Tests.Support;

namespace Academy.Sandbox.Tests;

/// <summary>
/// With --json, stdout holds exactly one JSON document whatever happens: for one learner and for a
/// roster, on success and on failure (then with the error in it and the exit code it ended with).
/// </summary>
public sealed class JsonAlwaysTests
{
    private static readonly string[] Verbs = ["plan", "up", "show", "verify", "adopt", "report"];

    [Test]
    public async Task EveryJsonCommandPrintsOneDocumentForARoster()
    {
        using var project = new ScratchProject();
        var names = new[] { Tool.NewUser(), Tool.NewUser() };
        project.Write("roster.yaml", $"learners:\n  - {names[0]}\n  - {names[1]}\n");
        string[] course = ["--roster", Path.Combine(project.Root, "roster.yaml"), "--project", project.Root, "--endpoint", LocalEngine.Endpoint];

        foreach (var verb in new[] { "plan", "up", "show", "verify", "report" })
        {
            var args = verb == "plan" ? course[..4] : course;
            var run = await Tool.RunAsync([verb, "--json", .. args]);
            using var document = OneDocument(verb, run);
            var learners = document.RootElement.GetProperty("learners").EnumerateArray().Select(l => l.GetProperty("name").GetString()).ToList();
            Assert.That(learners, Is.EqualTo(names), $"{verb} --roster --json lists every learner");
        }

        var one = await Tool.RunAsync(["verify", "--json", .. course, "--learner", names[1]]);
        using var single = OneDocument("verify --learner", one);
        Assert.That(single.RootElement.GetProperty("learners").EnumerateArray().Single().GetProperty("name").GetString(), Is.EqualTo(names[1]));
    }

    [Test]
    public async Task EveryJsonCommandPrintsOneDocumentWithTheErrorWhenItFails()
    {
        using var project = new ScratchProject();
        project.Write("roster.yaml", "learners:\n  - ann\n");
        var unreachable = $"http://127.0.0.1:{LoopbackPort.Free()}";
        foreach (var verb in Verbs)
        {
            var failures = new List<(string What, string[] Args, int Code)>
            {
                // report needs a roster: without one its command line is wrong before any catalog is read.
                ("invalid catalog", ["--user", "no spaces", "--project", project.Root], verb == "report" ? ExitCodes.Usage : ExitCodes.CatalogInvalid),
                ("unknown option", ["--no-such-option"], ExitCodes.Usage),
                ("an option given twice", ["--endpoint", unreachable, "--endpoint", unreachable], ExitCodes.Usage),
            };
            if (verb is not "plan" and not "report")
            {
                failures.Add(("no engine", ["--user", "ann", "--project", project.Root, "--endpoint", unreachable], ExitCodes.Unreachable));
            }

            if (verb != "adopt")
            {
                failures.Add(("roster without its learner", ["--roster", Path.Combine(project.Root, "roster.yaml"), "--learner", "bob", "--project", project.Root], ExitCodes.Usage));
            }

            foreach (var (what, args, code) in failures)
            {
                var run = await Tool.RunAsync([verb, "--json", .. args]);
                using var document = OneDocument($"{verb} ({what})", run);
                Assert.Multiple(() =>
                {
                    Assert.That(run.ExitCode, Is.EqualTo(code), $"{verb} ({what}): {run.Error}");
                    Assert.That(document.RootElement.GetProperty("error").GetString(), Is.Not.Empty, $"{verb} ({what})");
                    Assert.That(document.RootElement.GetProperty("exitCode").GetInt32(), Is.EqualTo(run.ExitCode), $"{verb} ({what})");
                    Assert.That(run.Error, Is.Not.Empty, $"{verb} ({what}) still says it on stderr for people");
                    Assert.That(document.RootElement.GetProperty("error").GetString(), Does.Contain(run.Error.Split('\n')[^2].Trim()), $"{verb} ({what}): the document says what stderr says");
                });
            }
        }
    }

    [Test]
    public async Task UpJsonForARosterReportsEachLearnersFailureInTheDocument()
    {
        using var project = new ScratchProject();
        var names = new[] { Tool.NewUser(), Tool.NewUser() };
        project.Write("roster.yaml", $"learners:\n  - {names[0]}\n  - {names[1]}\n");
        string[] course = ["--roster", Path.Combine(project.Root, "roster.yaml"), "--project", project.Root, "--endpoint", $"http://127.0.0.1:{LoopbackPort.Free()}"];

        var run = await Tool.RunAsync(["up", "--json", .. course]);

        using var document = OneDocument("up --roster (no engine)", run);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Unreachable));
        var learners = document.RootElement.GetProperty("learners").EnumerateArray().ToList();
        Assert.That(learners.Select(l => l.GetProperty("status").GetString()), Is.All.EqualTo("failed"));
        Assert.That(learners.Select(l => l.GetProperty("error").GetString()), Has.Some.Contain("127.0.0.1").And.All.Contain("DynamoDB"), "the first names the endpoint; the rest were not done for it");
    }

    private static JsonDocument OneDocument(string what, CliRun run)
    {
        Assert.That(run.Output.TrimEnd(), Does.StartWith("{").And.EndWith("}"), $"{what}: stdout is one JSON document\nstdout: {run.Output}\nstderr: {run.Error}");
        try
        {
            // Parse refuses anything after the document, so this also proves there is only one.
            return JsonDocument.Parse(run.Output);
        }
        catch (JsonException e)
        {
            Assert.Fail($"{what}: stdout is not one JSON document ({e.Message})\nstdout: {run.Output}");
            throw;
        }
    }
}
