using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Tests.Support;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Tests;

/// <summary>
/// Every command a message suggests is pasted into a shell exactly as printed and run: it must act on
/// the learner(s) and the engine the user was working on, never on the default learner.
/// </summary>
public sealed partial class HintPasteTests
{
    private static (ScratchProject Project, string[] Names, string[] Course) Roster()
    {
        var project = new ScratchProject();
        var names = new[] { Tool.NewUser(), Tool.NewUser() };
        project.Write("roster.yaml", $"learners:\n  - {names[0]}\n  - {names[1]}\n");
        return (project, names, ["--roster", Path.Combine(project.Root, "roster.yaml"), "--project", project.Root, "--endpoint", LocalEngine.Endpoint]);
    }

    [Test]
    public async Task UpHintsInRosterModeActOnTheSameLearnerWhenPasted()
    {
        var (project, names, course) = Roster();
        using var _ = project;
        var (ann, bob) = (names[0], names[1]);
        Assert.That((await Tool.RunAsync(["up", .. course])).ExitCode, Is.Zero);
        using var client = LocalEngine.Client();
        await PutStrayAsync(client, $"{ann}-academy-jobs", "ann-stray");
        await PutStrayAsync(client, $"{bob}-academy-jobs", "bob-stray");
        string[] oneLearner = [.. course, "--learner", bob];

        // Kept undeclared items: the hint deletes bob's stray, never ann's.
        var kept = await Tool.RunAsync(["up", .. oneLearner]);
        var prune = await PasteAsync(HintsIn(kept).Single(h => h.Contains("--prune", StringComparison.Ordinal)), course, bob);
        Assert.That(prune.ExitCode, Is.Zero, prune.Output + prune.Error);
        Assert.That(await HasItemAsync(client, $"{bob}-academy-jobs", "bob-stray"), Is.False, "the pasted --prune deleted bob's stray");
        Assert.That(await HasItemAsync(client, $"{ann}-academy-jobs", "ann-stray"), Is.True, "and left ann's alone");

        // The prune guard: bob's jobs table with more strays than items, so --prune needs --yes.
        for (var i = 0; i < 10; i++)
        {
            await PutStrayAsync(client, $"{bob}-academy-jobs", $"bob-stray-{i}");
        }

        var guarded = await Tool.RunAsync(["up", .. oneLearner, "--prune"]);
        Assert.That(guarded.ExitCode, Is.Not.EqualTo(ExitCodes.Ok), guarded.Error);
        foreach (var hint in HintsIn(guarded).Where(h => !h.Contains("--yes", StringComparison.Ordinal)))
        {
            await PasteAsync(hint, course, bob);
        }

        var yes = await PasteAsync(HintsIn(guarded).Single(h => h.Contains("--yes", StringComparison.Ordinal)), course, bob);
        Assert.That(yes.ExitCode, Is.Zero, yes.Output + yes.Error);
        Assert.That(await HasItemAsync(client, $"{bob}-academy-jobs", "bob-stray-0"), Is.False);
        Assert.That(await HasItemAsync(client, $"{ann}-academy-jobs", "ann-stray"), Is.True);

        // A key-schema conflict: the pasted `down` deletes bob's tables only.
        await client.DeleteTableAsync($"{bob}-academy-global");
        await WaitGoneAsync(client, $"{bob}-academy-global");
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = $"{bob}-academy-global",
            AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.N)],
            KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
        var conflict = await Tool.RunAsync(["up", .. oneLearner]);
        Assert.That(conflict.ExitCode, Is.Not.EqualTo(ExitCodes.Ok), conflict.Error);
        var down = await PasteAsync(HintsIn(conflict).Single(h => h.Contains(" down", StringComparison.Ordinal)), course, bob);
        Assert.That(down.ExitCode, Is.Zero, down.Output + down.Error);
        Assert.That(await TableExistsAsync(client, $"{bob}-academy-global"), Is.False);
        Assert.That(await TableExistsAsync(client, $"{ann}-academy-global"), Is.True, "ann's tables stay");
    }

    [Test]
    public async Task AnItemWhoseKeyHoldsANulIsNeverHintedAsAShorterKeyThatNamesAnotherItem()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        string[] scope = ["--user", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint];
        Assert.That((await Tool.RunAsync(["up", .. scope])).ExitCode, Is.Zero);
        using var client = LocalEngine.Client();
        await PutStrayAsync(client, $"{user}-academy-global", "a\0b");
        await PutStrayAsync(client, $"{user}-academy-global", "a");

        var adopt = await Tool.RunAsync(["adopt", .. scope]);
        var line = (adopt.Output.Split('\n').SingleOrDefault(l => l.Contains("undeclared global-a\\u0000b", StringComparison.Ordinal)) ?? "") + "\n";
        var hint = HintsIn(new CliRun(0, line, "")).Single();
        var words = await ShellWordsAsync(hint);
        var export = await Tool.RunAsync(words[1..]);

        Assert.Multiple(() =>
        {
            Assert.That(line, Does.Contain("no command line can carry its key, which holds a NUL character"), adopt.Output);
            Assert.That(words, Does.Not.Contain("--item"), "bash ends $'a\\u0000b' at the NUL: --item a would export item a");
            Assert.That(export.ExitCode, Is.Zero, export.Error);
            Assert.That(File.ReadAllText(Path.Combine(project.Root, $"Pulumi.{user}.yaml")), Does.Contain("name: \"a\\0b\""), "the item itself reached the catalog");
        });
    }

    [Test]
    public async Task AnItemWhoseKeyLooksLikeAnOptionIsExportedByThePastedHintNotTakenForTheOption()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        string[] scope = ["--user", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint];
        Assert.That((await Tool.RunAsync(["up", .. scope])).ExitCode, Is.Zero);
        using var client = LocalEngine.Client();
        string[] keys = ["--help", "-h", "--json"];
        foreach (var key in keys)
        {
            await PutStrayAsync(client, $"{user}-academy-global", key);
        }

        var adopt = await Tool.RunAsync(["adopt", .. scope]);
        var hints = HintsIn(adopt).Where(h => h.Contains(" export ", StringComparison.Ordinal)).ToList();
        var runs = new List<CliRun>();
        foreach (var hint in hints)
        {
            runs.Add(await Tool.RunAsync((await ShellWordsAsync(hint))[1..]));
        }

        Assert.Multiple(() =>
        {
            Assert.That(hints, Has.Count.EqualTo(keys.Length), adopt.Output);
            Assert.That(runs.Select(r => r.ExitCode), Is.All.Zero, string.Join("\n", runs.Select(r => r.Error)));
            Assert.That(runs.Select(r => r.Output), Has.None.Contains("Usage:"), "the help instead of the export");
            var written = File.ReadAllText(Path.Combine(project.Root, $"Pulumi.{user}.yaml"));
            foreach (var key in keys)
            {
                Assert.That(written, Does.Contain($"name: \"{key}\"").Or.Contain($"name: {key}\n"), key);
            }
        });
    }

    [Test]
    public async Task AHintNamingAFileWithControlCharactersStillPastesAsThatFile()
    {
        using var project = new ScratchProject();
        var name = Tool.NewUser();
        var folder = Path.Combine(project.Root, "it's a\n\u001b[2J \u202E folder");
        Directory.CreateDirectory(folder);
        var roster = Path.Combine(folder, "roster.yaml");
        File.WriteAllText(roster, $"learners:\n  - {name}\n");
        string[] course = ["--roster", roster, "--project", project.Root, "--endpoint", LocalEngine.Endpoint];
        Assert.That((await Tool.RunAsync(["up", .. course])).ExitCode, Is.Zero);
        using var client = LocalEngine.Client();
        await PutStrayAsync(client, $"{name}-academy-jobs", "stray");

        var kept = await Tool.RunAsync(["up", .. course]);

        var hint = HintsIn(kept).Single(h => h.Contains("--prune", StringComparison.Ordinal));
        Assert.That(hint.IndexOfAny(['\n', '\u001b', '\u202E']), Is.EqualTo(-1), hint);
        Assert.That(await ShellWordsAsync(hint), Does.Contain(roster), hint);
    }

    [Test]
    public async Task EveryHintOfEveryCommandNamesTheSameLearnersAndEngineAsTheCommand()
    {
        var (project, names, course) = Roster();
        using var _ = project;
        var user = Tool.NewUser();
        string[] learner = ["--user", user, "--endpoint", LocalEngine.Endpoint, "--project", project.Root];
        string[][] scopes = [learner, course, [.. course, "--learner", names[1]]];
        using var client = LocalEngine.Client();

        var printed = 0;
        foreach (var scope in scopes)
        {
            // Missing tables (show, verify), then drift, strays and a prune that needs --yes.
            var runs = new List<(string[] Args, CliRun Run)>();
            foreach (var verb in new[] { "show", "verify" })
            {
                runs.Add(([verb, .. scope], await Tool.RunAsync([verb, .. scope])));
            }

            Assert.That((await Tool.RunAsync(["up", .. scope])).ExitCode, Is.Zero);
            foreach (var name in scope.Contains("--user") ? [user] : scope.Contains("--learner") ? [names[1]] : names)
            {
                await PutStrayAsync(client, $"{name}-academy-global", "stray");
                await client.DeleteItemAsync($"{name}-academy-jobs", new Dictionary<string, AttributeValue> { ["name"] = new() { S = "title_crew" } });
            }

            string[] aws = ["down", .. scope.Where(a => a != "--endpoint" && a != LocalEngine.Endpoint), "--aws"];
            string[][] commands = [["verify", .. scope], ["show", .. scope], ["up", .. scope], ["report", .. scope], aws];
            foreach (var args in commands)
            {
                if (args[0] == "report" && scope.Contains("--user"))
                {
                    continue;
                }

                runs.Add((args, await Tool.RunAsync(args)));
            }

            foreach (var (args, run) in runs)
            {
                foreach (var hint in HintsIn(run))
                {
                    printed++;
                    await AssertSameScopeAsync(hint, args);
                }
            }
        }

        Assert.That(printed, Is.GreaterThan(10), "the commands above printed hints to check");
    }

    // The hint's own learners and engine, read back by running `plan --json` (and the same options) with them.
    private static async Task AssertSameScopeAsync(string hint, string[] original)
    {
        var words = await ShellWordsAsync(hint);
        Assert.That(words[0], Is.EqualTo(Hints.Tool), hint);
        var pasted = words[2..];
        // Only `plan` may leave the engine out (then it is the offline plan); a live plan names the same engine.
        Assert.That(Target(pasted), words[1] == "plan" && Target(pasted).Length == 0 ? Is.Empty : Is.EqualTo(Target(original)), $"{hint} talks to the same engine as {string.Join(' ', original)}");
        var learners = await LearnersAsync(original[1..]);
        if (pasted.Contains("--learner") && !original.Contains("--learner"))
        {
            // A hint about one learner of the course (their missing table, their strays) acts on that learner alone.
            Assert.That(await LearnersAsync(pasted), Has.Count.EqualTo(1).And.SubsetOf(learners), $"{hint} acts on one learner of {string.Join(' ', original)}");
        }
        else
        {
            Assert.That(await LearnersAsync(pasted), Is.EqualTo(learners), $"{hint} acts on the same learners as {string.Join(' ', original)}");
        }
    }

    private static string[] Target(string[] args)
    {
        var i = Array.IndexOf(args, "--endpoint");
        return [.. args.Contains("--aws") ? ["--aws"] : Array.Empty<string>(), .. i >= 0 ? args[i..(i + 2)] : []];
    }

    private static readonly string[] NotScope = ["--endpoint", "--aws", "--prune", "--yes", "--json", "--yes-delete-aws-tables", "--out", "DIR", "--html"];

    // The learners a command line acts on, from `plan --json` with its --stack/--user/--roster/--learner/--project.
    private static async Task<List<string>> LearnersAsync(string[] args)
    {
        var scope = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--endpoint" or "--table" or "--item")
            {
                i++; // an option and its value that choose no learner
            }
            else if (!NotScope.Contains(args[i]))
            {
                scope.Add(args[i]);
            }
        }

        var plan = await Tool.RunAsync(["plan", "--json", .. scope]);
        Assert.That(plan.ExitCode, Is.Zero, $"plan {string.Join(' ', scope)}: {plan.Error}");
        using var document = JsonDocument.Parse(plan.Output);
        var root = document.RootElement;
        return root.TryGetProperty("learners", out var learners)
            ? learners.EnumerateArray().Select(l => l.GetProperty("name").GetString()!).ToList()
            : [root.GetProperty("user").GetString()!];
    }

    private static async Task<CliRun> PasteAsync(string hint, string[] course, string learner)
    {
        await AssertSameScopeAsync(hint, ["up", .. course, "--learner", learner]);
        var words = await ShellWordsAsync(hint);
        return await Tool.RunAsync(words[1..]);
    }

    private static List<string> HintsIn(CliRun run) =>
        HintPattern().Matches(run.Output + run.Error).Select(m => m.Groups[1].Value).ToList();

    // How a POSIX shell splits the pasted line into arguments: bash itself prints them, in the C
    // locale, where $'\u202E' would stay literal text: a hint must paste the same in every locale.
    private static async Task<string[]> ShellWordsAsync(string line)
    {
        var start = new ProcessStartInfo("bash", ["-c", $"printf '%s\\0' {line}"]) { RedirectStandardOutput = true };
        start.Environment["LC_ALL"] = "C";
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Split('\0')[..^1];
    }

    private static Task PutStrayAsync(IAmazonDynamoDB client, string table, string name) =>
        client.PutItemAsync(table, new Dictionary<string, AttributeValue> { ["name"] = new() { S = name } });

    private static async Task<bool> HasItemAsync(IAmazonDynamoDB client, string table, string name) =>
        (await client.GetItemAsync(table, new Dictionary<string, AttributeValue> { ["name"] = new() { S = name } })).IsItemSet;

    private static async Task<bool> TableExistsAsync(IAmazonDynamoDB client, string table)
    {
        try
        {
            await client.DescribeTableAsync(table);
            return true;
        }
        catch (ResourceNotFoundException)
        {
            return false;
        }
    }

    private static async Task WaitGoneAsync(IAmazonDynamoDB client, string table)
    {
        for (var i = 0; i < 100 && await TableExistsAsync(client, table); i++)
        {
            await Task.Delay(100);
        }
    }

    [GeneratedRegex("`(academy-sandbox [^`]*)`")]
    private static partial Regex HintPattern();
}
