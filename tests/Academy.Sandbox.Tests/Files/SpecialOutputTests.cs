using Academy.Sandbox.Cli;
using Academy.Sandbox.Tests.Support;

namespace Academy.Sandbox.Tests.Files;

/// <summary>
/// Files the sandbox writes (report --html, export, adopt --stack) replace only a regular file or a new
/// path: a FIFO, a device or a symbolic link at the target is one error line naming it, and stays what it was.
/// </summary>
[Platform(Exclude = "Win")]
public sealed class SpecialOutputTests
{
    [TestCase("fifo")]
    [TestCase("symlink")]
    [TestCase("/dev/null")]
    public async Task ReportHtmlRefusesATargetThatIsNotARegularFile(string kind)
    {
        using var project = new ScratchProject();
        project.Write("roster.yaml", $"learners: [{Tool.NewUser()}]");
        var page = kind == "/dev/null" ? "/dev/null" : Path.Combine(project.Root, "course.html");
        var target = Path.Combine(project.Root, "elsewhere.html");
        Make(kind, page, target);

        var run = await Tool.RunAsync("report", "--roster", Path.Combine(project.Root, "roster.yaml"), "--project", project.Root, "--endpoint", LocalEngine.Endpoint, "--html", page);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Not.EqualTo(ExitCodes.Ok));
            Assert.That(run.Error.Trim().Split('\n'), Has.Length.EqualTo(1), run.Error);
            Assert.That(run.Error, Does.Contain(page).And.Contain(kind == "symlink" ? "is a symbolic link" : "not a regular file"));
            AssertUnchanged(kind, page, target);
        });
    }

    [Test]
    public async Task ReportHtmlReplacesItsOwnPageButNeverAnotherFile()
    {
        using var project = new ScratchProject();
        project.Write("roster.yaml", $"learners: [{Tool.NewUser()}]");
        string[] report = ["report", "--roster", Path.Combine(project.Root, "roster.yaml"), "--project", project.Root, "--endpoint", LocalEngine.Endpoint];
        var seed = Path.Combine(project.Root, "seed", "items", "global.json");
        var before = File.ReadAllText(seed);
        var page = Path.Combine(project.Root, "course.html");

        var ontoSeed = await Tool.RunAsync([.. report, "--html", seed]);
        var first = await Tool.RunAsync([.. report, "--html", page]);
        var again = await Tool.RunAsync([.. report, "--html", page]);

        Assert.Multiple(() =>
        {
            Assert.That(ontoSeed.ExitCode, Is.EqualTo(ExitCodes.Usage));
            Assert.That(ontoSeed.Error.Trim(), Is.EqualTo($"--html {seed} exists and is not a report page this command wrote; it replaces only its own pages: name a new file, or remove this one first"));
            Assert.That(File.ReadAllText(seed), Is.EqualTo(before), "the seed file is untouched");
            Assert.That(new[] { first.ExitCode, again.ExitCode }, Is.All.Not.EqualTo(ExitCodes.Usage), first.Error + again.Error);
            Assert.That(again.Error, Does.Not.Contain("not a report page"), "its own page is replaced");
        });
    }

    [Test]
    public async Task ExportRefusesASeedFileThatIsASymbolicLinkAndWritesNothing()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        string[] target = ["--user", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint];
        Assert.That((await Tool.RunAsync(["up", .. target])).ExitCode, Is.EqualTo(ExitCodes.Ok));
        var jobs = Path.Combine(project.Root, "seed", "items", "jobs.json");
        var before = File.ReadAllText(jobs);
        var seed = Path.Combine(project.Root, "seed", "items", "global.json");
        var elsewhere = Path.Combine(project.Root, "shared-global.json");
        File.Move(seed, elsewhere);
        File.CreateSymbolicLink(seed, elsewhere);
        // The live item differs from the file, so export has something to write into it (unchanged data writes nothing).
        File.WriteAllText(elsewhere, File.ReadAllText(elsewhere).Replace("Europe/Zagreb", "Europe/Paris", StringComparison.Ordinal));
        var shared = File.ReadAllText(elsewhere);

        var run = await Tool.RunAsync(["export", .. target]);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Not.EqualTo(ExitCodes.Ok));
            Assert.That(run.Error.Trim().Split('\n'), Has.Length.EqualTo(1), run.Error);
            Assert.That(run.Error, Does.Contain("seed/items/global.json: is a symbolic link"));
            Assert.That(new FileInfo(seed).LinkTarget, Is.EqualTo(elsewhere), "the link is still a link");
            Assert.That(File.ReadAllText(elsewhere), Is.EqualTo(shared), "its target is unchanged");
            Assert.That(File.ReadAllText(jobs), Is.EqualTo(before), "no other file was replaced either");
            Assert.That(Directory.GetFiles(Path.GetDirectoryName(seed)!, "*.tmp"), Is.Empty, "no temporary file is left");
        });
    }

    [Test]
    public async Task AdoptRefusesAStackFileThatIsASymbolicLink()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        var shared = Path.Combine(project.Root, "stacks", "dev.yaml");
        project.Write("stacks/dev.yaml", $"config:\n  academy:user: {user}\n");
        var stackFile = Path.Combine(project.Root, "Pulumi.dev.yaml");
        File.CreateSymbolicLink(stackFile, shared);

        var run = await Tool.RunAsync("adopt", "--stack", "dev", "--project", project.Root, "--endpoint", LocalEngine.Endpoint);

        Assert.Multiple(() =>
        {
            Assert.That(run.Error.Trim().Split('\n'), Has.Length.EqualTo(1), run.Error);
            Assert.That(run.Error, Does.Contain("Pulumi.dev.yaml: is a symbolic link"));
            Assert.That(new FileInfo(stackFile).LinkTarget, Is.EqualTo(shared), "the link is still a link");
            Assert.That(File.ReadAllText(shared), Is.EqualTo($"config:\n  academy:user: {user}\n"), "its target is unchanged");
        });
    }

    private static void Make(string kind, string path, string target)
    {
        switch (kind)
        {
            case "fifo":
                SpecialInputTests.MakeFifo(path);
                break;
            case "symlink":
                File.WriteAllText(target, "someone else's page");
                File.CreateSymbolicLink(path, target);
                break;
        }
    }

    private static void AssertUnchanged(string kind, string path, string target)
    {
        switch (kind)
        {
            case "fifo":
                Assert.That(StatType(path), Is.EqualTo("fifo"));
                break;
            case "symlink":
                Assert.That(new FileInfo(path).LinkTarget, Is.EqualTo(target), "the link is still a link");
                Assert.That(File.ReadAllText(target), Is.EqualTo("someone else's page"));
                break;
            default:
                Assert.That(StatType(path), Is.EqualTo("character special file"));
                break;
        }
    }

    // What stat(1) says the path is, so the check does not rely on the code under test.
    private static string StatType(string path)
    {
        using var stat = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("stat", ["-c", "%F", path]) { RedirectStandardOutput = true })!;
        var type = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return type;
    }
}
