using Academy.Sandbox.Cli;
using Academy.Sandbox.Tests.Support;

namespace Academy.Sandbox.Tests.Export;

/// <summary>Export into the shared seed files changes the bytes of what changed and nothing else.</summary>
public sealed class SeedFileDiffTests
{
    private static async Task<CliRun> RunAsync(ScratchProject project, string user, params string[] args) =>
        await Tool.RunAsync([.. args, "--user", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint]);

    private static Dictionary<string, byte[]> Files(ScratchProject project) =>
        Directory.GetFiles(Path.Combine(project.Root, "seed"), "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(project.Root, f), File.ReadAllBytes);

    [Test]
    public async Task ExportRightAfterUpChangesNoByteOfAnySeedFile()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        Assert.That((await RunAsync(project, user, "up")).ExitCode, Is.Zero);
        var before = Files(project);

        var run = await RunAsync(project, user, "export");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Output + run.Error);
        Assert.That(Files(project), Is.EqualTo(before), "an export of unchanged data is a zero diff");
        Assert.That(run.Output, Does.Contain("global: 1 item(s), unchanged").And.Contains("jobs: 6 item(s), unchanged"));
    }

    [Test]
    public async Task AChangedValueChangesItsOneLineAndANewItemIsAppendedKeepingTheRest()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        Assert.That((await RunAsync(project, user, "up")).ExitCode, Is.Zero);
        var global = File.ReadAllText(Path.Combine(project.Root, "seed/items/global.json"));
        var jobs = File.ReadAllBytes(Path.Combine(project.Root, "seed/items/jobs.json"));
        await CourseSteps.PutItemAsync($"{user}-academy-global", CourseSteps.ImdbRestApiItem.Replace("Europe/Zagreb", "UTC", StringComparison.Ordinal));
        await CourseSteps.PutItemAsync($"{user}-academy-global", """{"name": {"S": "mock-api"}, "port": {"S": ""}, "retries": {"N": "3"}}""");

        var run = await RunAsync(project, user, "export", "--table", "global");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Output + run.Error);
        var expected = global.Replace("\"tz\": \"Europe/Zagreb\"", "\"tz\": \"UTC\"", StringComparison.Ordinal)
            .Replace("  }\n]\n", "  },\n  {\n    \"name\": \"mock-api\",\n    \"port\": \"\",\n    \"retries\": 3\n  }\n]\n", StringComparison.Ordinal);
        Assert.That(File.ReadAllText(Path.Combine(project.Root, "seed/items/global.json")), Is.EqualTo(expected));
        Assert.That(File.ReadAllBytes(Path.Combine(project.Root, "seed/items/jobs.json")), Is.EqualTo(jobs), "a table out of --table's scope is not touched");
        Assert.That(run.Output, Does.Contain("global: 2 item(s): changed imdb-rest-api (tz), added mock-api -> seed/items/global.json"));
        var verify = await RunAsync(project, user, "verify");
        Assert.That(verify.ExitCode, Is.EqualTo(ExitCodes.Ok), verify.Output);
    }
}
