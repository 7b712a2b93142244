using Academy.Sandbox.Cli;
using Academy.Sandbox.Tests.Support;

namespace Academy.Sandbox.Tests.Report;

/// <summary>The report page shows live text as the terminal does: a bidi override cannot reorder what a teacher reads.</summary>
public sealed class ReportBidiTests
{
    [Test]
    public async Task ABidiOverrideInALiveKeyIsAnEscapeOnThePageNotReorderedText()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        project.Write("roster.yaml", $"learners: [{user}]");
        string[] args = ["--roster", Path.Combine(project.Root, "roster.yaml"), "--project", project.Root, "--endpoint", LocalEngine.Endpoint];
        Assert.That((await Tool.RunAsync(["up", .. args])).ExitCode, Is.Zero);
        using (var client = LocalEngine.Client())
        {
            await client.PutItemAsync($"{user}-academy-global", new() { ["name"] = new() { S = "invoice\u202Efdp.exe" } });
        }

        var page = Path.Combine(project.Root, "course.html");
        Assert.That((await Tool.RunAsync(["report", .. args, "--html", page])).ExitCode, Is.EqualTo(ExitCodes.Drift));
        var html = File.ReadAllText(page);

        Assert.That(html, Does.Not.Contain("\u202E").And.Contain(@"invoice\u202Efdp.exe"));
    }
}
