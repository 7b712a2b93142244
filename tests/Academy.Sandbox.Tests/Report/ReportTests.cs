using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Academy.Catalog.Cost;
using Academy.Catalog.Roster;
using Academy.Catalog.Settings;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Tests.Support;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Tests.Report;

/// <summary>
/// `report` over a roster of three learners on the real local engine: one in step, one drifted (an
/// item missing, one changed, one extra whose key is hostile markup), one without tables. The HTML
/// page is opened in a real headless chromium and checked for what a person sees.
/// </summary>
public sealed partial class ReportTests
{
    // A learner writes their own tables, so an item key is text the instructor did not choose.
    private const string HostileKey = "<script>alert(1)</script><img src=x onerror=alert(2)>";

    private ScratchProject _project = null!;
    private string[] _names = null!;
    private string[] _args = null!;
    private CourseCatalog _course = null!;

    private string InStep => _names[0];

    private string Drifted => _names[1];

    private string NoTables => _names[2];

    [OneTimeSetUp]
    public async Task CourseWithOneLearnerInStepOneDriftedAndOneWithoutTables()
    {
        _project = new ScratchProject();
        _names = [Tool.NewUser(), Tool.NewUser(), Tool.NewUser()];
        _project.Write("roster.yaml", $"learners: [{string.Join(", ", _names)}]");
        var roster = Path.Combine(_project.Root, "roster.yaml");
        _args = ["--roster", roster, "--project", _project.Root, "--endpoint", LocalEngine.Endpoint];
        _course = CourseBuilder.Build(new DictionaryConfigSource(CatalogOptions.DefaultStack), _project.Paths, roster);

        foreach (var learner in new[] { InStep, Drifted })
        {
            var up = await Tool.RunAsync(["up", .. _args, "--learner", learner]);
            Assert.That(up.ExitCode, Is.Zero, up.Output + up.Error);
        }

        using var client = LocalEngine.Client();
        await client.DeleteItemAsync($"{Drifted}-academy-jobs", Key("title_crew"));
        await client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = $"{Drifted}-academy-global",
            Key = Key("imdb-rest-api"),
            UpdateExpression = "SET tz = :tz",
            ExpressionAttributeValues = new() { [":tz"] = new() { S = "Mars/Olympus_Mons" } },
        });
        await client.PutItemAsync($"{Drifted}-academy-global", new() { ["name"] = new() { S = HostileKey } });
    }

    [OneTimeTearDown]
    public void RemoveProject() => _project.Dispose();

    [Test]
    public async Task TheTableShowsEachLearnersTablesItemsAndDriftThenTheCourseAndExitsOne()
    {
        var report = await Tool.RunAsync(["report", .. _args]);

        Assert.Multiple(() =>
        {
            Assert.That(report.ExitCode, Is.EqualTo(ExitCodes.Drift), report.Error);
            Assert.That(report.Output, Does.Match($@"\n  {InStep}\s+in step\s+2/2\s+7/7\s+0\s+0\s+0\s+0\s+0\s+\$"), report.Output);
            Assert.That(report.Output, Does.Match($@"\n  {Drifted}\s+drifted\s+2/2\s+6/7\s+1\s+1\s+1\s+0\s+3\s+\$"), report.Output);
            Assert.That(report.Output, Does.Match($@"\n  {NoTables}\s+no tables\s+0/2\s+0/7\s+7\s+0\s+0\s+0\s+9\s+\$"), report.Output);
            Assert.That(report.Output, Does.Contain("course: 3 learner(s): 1 in step, 1 drifted, 1 without tables, 0 failed; 4/6 tables and 13/21 items present/declared, 12 difference(s)"));
            Assert.That(report.Output, Does.Contain($"a month, less the account's free tier once $").And.Contain($": about {Usd(_course.Cost.MonthlyUsd)} a month for the whole course of 3"));
            Assert.That(report.Output, Does.Not.Contain(HostileKey), "the table holds counts; the differences themselves are in verify, JSON and HTML");
        });
        TestContext.Out.WriteLine(report.Output);
    }

    [Test]
    public async Task TheSuggestedVerifyRunsAsPrintedAndListsTheDriftedLearnersDifferences()
    {
        var report = await Tool.RunAsync(["report", .. _args]);

        var suggested = Regex.Match(report.Output, "next: `academy-sandbox ([^`]*)` lists").Groups[1].Value;
        Assert.That(suggested, Is.EqualTo($"verify {string.Join(' ', _args)} --learner {Drifted}"), report.Output);
        var verify = await Tool.RunAsync(suggested.Split(' '));
        Assert.Multiple(() =>
        {
            Assert.That(verify.ExitCode, Is.EqualTo(ExitCodes.Drift));
            Assert.That(verify.Output, Does.Contain("missing   jobs-title_crew"));
            Assert.That(verify.Output, Does.Contain($"{Drifted}  drifted"));
        });
    }

    [Test]
    public async Task JsonHoldsEachLearnersCountsAndCostAndTheCourseTotalWithTheFreeTierOnce()
    {
        var report = await Tool.RunAsync(["report", "--json", .. _args]);

        Assert.That(report.ExitCode, Is.EqualTo(ExitCodes.Drift), report.Error);
        using var json = JsonDocument.Parse(report.Output);
        var learners = json.RootElement.GetProperty("learners").EnumerateArray().ToList();
        var course = json.RootElement.GetProperty("course");
        var drifted = learners[1];
        var own = CostEstimator.Estimate(_course.Learners[1].Catalog.Tables, _course.Learners[1].Catalog.Items).MonthlyUsd;
        Assert.Multiple(() =>
        {
            Assert.That(learners.Select(l => l.GetProperty("name").GetString()), Is.EqualTo(_names));
            Assert.That(json.RootElement.GetProperty("exitCode").GetInt32(), Is.EqualTo(report.ExitCode), "as verify --json over a roster says it");
            Assert.That(learners.Select(l => l.GetProperty("status").GetString()), Is.EqualTo(new[] { "in-step", "drifted", "no-tables" }));
            Assert.That(drifted.GetProperty("counts").EnumerateObject().Select(p => $"{p.Name} {p.Value}"), Is.EqualTo(new[]
            {
                "tablesDeclared 2", "tablesPresent 2", "itemsDeclared 7", "itemsPresent 6", "tablesMissing 0", "missing 1", "differs 1", "extra 1", "settings 0", "differences 3",
            }));
            Assert.That(drifted.GetProperty("tables")[0].GetProperty("live").GetInt32(), Is.EqualTo(2), "the declared item and the extra one");
            Assert.That(drifted.GetProperty("tables")[0].GetProperty("present").GetInt32(), Is.EqualTo(1), "the declared item alone");
            Assert.That(drifted.GetProperty("differences").EnumerateArray().Select(l => l.GetString()), Has.Some.Contains($"extra     global-{HostileKey}"));
            Assert.That(drifted.GetProperty("differences").EnumerateArray().Select(l => l.GetString()), Has.Some.Contains("\"Mars/Olympus_Mons\""));
            Assert.That(drifted.GetProperty("estimatedMonthlyCostUsd").GetDecimal(), Is.EqualTo(Math.Round(own, 2)));
            Assert.That(learners[2].GetProperty("tables").EnumerateArray().Select(t => t.GetProperty("exists").GetBoolean()), Is.All.False);
            Assert.That(course.GetProperty("counts").GetProperty("itemsPresent").GetInt32(), Is.EqualTo(13));
            Assert.That(course.GetProperty("counts").GetProperty("itemsDeclared").GetInt32(), Is.EqualTo(21));
            Assert.That(course.GetProperty("counts").GetProperty("differences").GetInt32(), Is.EqualTo(12));
            Assert.That(course.GetProperty("estimatedMonthlyCostUsd").GetDecimal(), Is.EqualTo(Math.Round(_course.Cost.MonthlyUsd, 2)));
            Assert.That(course.GetProperty("estimatedCostBasis").GetString(), Does.Contain("free tier deducted once"));
        });
    }

    [Test]
    public async Task EveryCourseNumberIsTheSumOfTheLearnersAndEveryPageSaysTheSame()
    {
        using var folder = new TempFolder();
        var page = Path.Combine(folder.Path, "course.html");
        var text = (await Tool.RunAsync(["report", .. _args])).Output;
        var json = JsonDocument.Parse((await Tool.RunAsync(["report", "--json", .. _args])).Output).RootElement;
        await Tool.RunAsync(["report", .. _args, "--html", page]);
        var html = Visible(await File.ReadAllTextAsync(page));

        var learners = json.GetProperty("learners").EnumerateArray().ToList();
        var course = json.GetProperty("course");
        var counts = course.GetProperty("counts");
        int Sum(string name) => learners.Sum(l => l.GetProperty("counts").GetProperty(name).GetInt32());
        int Of(JsonElement c, string name) => c.GetProperty(name).GetInt32();
        decimal Usd(JsonElement e, string name) => e.GetProperty(name).GetDecimal();
        Assert.Multiple(() =>
        {
            foreach (var property in counts.EnumerateObject())
            {
                Assert.That(property.Value.GetInt32(), Is.EqualTo(Sum(property.Name)), $"course {property.Name} is the learners' sum");
            }

            foreach (var c in learners.Select(l => l.GetProperty("counts")).Append(counts))
            {
                Assert.That(Of(c, "differences"), Is.EqualTo(Of(c, "tablesMissing") + Of(c, "missing") + Of(c, "differs") + Of(c, "extra") + Of(c, "settings")));
                Assert.That(Of(c, "itemsPresent") + Of(c, "missing"), Is.EqualTo(Of(c, "itemsDeclared")), "an item declared is present or missing");
                Assert.That(Of(c, "tablesPresent") + Of(c, "tablesMissing"), Is.EqualTo(Of(c, "tablesDeclared")));
            }

            Assert.That(Of(course, "inStep") + Of(course, "drifted") + Of(course, "noTables") + Of(course, "failed"), Is.EqualTo(Of(course, "learners")));
            Assert.That(Usd(course, "ownTablesMonthlyUsd"), Is.EqualTo(learners.Sum(l => Usd(l, "estimatedMonthlyCostUsd"))));
            Assert.That(Usd(course, "ownTablesMonthlyUsd") - Usd(course, "freeTierMonthlyUsd"), Is.EqualTo(Usd(course, "estimatedMonthlyCostUsd")));

            // The text and the page print the same totals as the JSON, and the money in all three to the cent.
            var totals = $"{Of(counts, "tablesPresent")}/{Of(counts, "tablesDeclared")} tables and {Of(counts, "itemsPresent")}/{Of(counts, "itemsDeclared")} items present/declared, {Of(counts, "differences")} difference(s)";
            Assert.That(text, Does.Contain(totals));
            Assert.That(html, Does.Contain($"{Of(counts, "itemsPresent")}/{Of(counts, "itemsDeclared")} items present/declared {Of(counts, "differences")} differences"));
            foreach (var name in new[] { "ownTablesMonthlyUsd", "freeTierMonthlyUsd", "estimatedMonthlyCostUsd" })
            {
                Assert.That(text, Does.Contain(ReportTests.Usd(Usd(course, name))), name);
                Assert.That(html, Does.Contain(ReportTests.Usd(Usd(course, name))), name);
            }

            Assert.That(Money().Matches(text + html).Select(m => m.Value), Is.All.Match(@"^\$[\d,]+\.\d\d$"), "money to the cent");
            Assert.That(learners.Select(l => Usd(l, "estimatedMonthlyCostUsd")).Append(Usd(course, "estimatedMonthlyCostUsd")), Is.All.EqualTo(0m).Or.Matches<decimal>(d => d == Math.Round(d, 2)));
        });
        TestContext.Out.WriteLine(text);
    }

    [Test]
    public async Task OneLearnerInStepExitsZero()
    {
        var report = await Tool.RunAsync(["report", .. _args, "--learner", InStep]);

        Assert.Multiple(() =>
        {
            Assert.That(report.ExitCode, Is.Zero, report.Output + report.Error);
            Assert.That(report.Output, Does.Contain("course: 1 learner(s): 1 in step, 0 drifted, 0 without tables, 0 failed; 2/2 tables and 7/7 items"));
            Assert.That(report.Output, Does.Contain("one learner of 3"));
        });
    }

    [Test]
    public async Task AnEngineThatDoesNotAnswerIsEveryLearnersRowAndExitsThree()
    {
        var closed = $"http://127.0.0.1:{LoopbackPort.Free()}";

        var report = await Tool.RunAsync(["report", .. _args[..^1], closed]);

        Assert.Multiple(() =>
        {
            Assert.That(report.ExitCode, Is.EqualTo(ExitCodes.Unreachable), report.Output + report.Error);
            Assert.That(report.Output.Split('\n').Count(l => UnreachableRow().IsMatch(l)), Is.EqualTo(3), report.Output);
            Assert.That(report.Output, Does.Contain("0 in step, 0 drifted, 0 without tables, 3 failed"));
        });
    }

    [Test]
    public async Task ThePageShowsEveryLearnersRowAndTheCourseTotalsInARealBrowser()
    {
        using var folder = new TempFolder();
        var page = Path.Combine(folder.Path, "course.html");

        var report = await Tool.RunAsync(["report", .. _args, "--html", page]);
        var dom = await HeadlessChromium.DumpDomAsync(page);

        var rows = Rows(dom);
        var header = Visible(Regex.Match(dom, "<header>.*</header>", RegexOptions.Singleline).Value);
        Assert.Multiple(() =>
        {
            Assert.That(report.ExitCode, Is.EqualTo(ExitCodes.Drift), report.Error);
            Assert.That(report.Output, Does.EndWith($"html: written to {page}\n"));
            Assert.That(rows, Has.Some.Match($@"^{InStep} in step 2/2 7/7 0 0 0 0 0 \$\d+\.\d\d$"), string.Join("\n", rows));
            Assert.That(rows, Has.Some.Match($@"^{Drifted} drifted 2/2 6/7 1 1 1 0 3 \$\d+\.\d\d$"));
            Assert.That(rows, Has.Some.Match($@"^{NoTables} no tables 0/2 0/7 7 0 0 0 9 \$\d+\.\d\d$"));
            Assert.That(header, Does.Contain("3 learners 1 in step 1 drifted 1 without tables 0 failed 4/6 tables present/declared 13/21 items present/declared 12 differences"));
            Assert.That(header, Does.Contain($"{Usd(_course.Cost.MonthlyUsd)} a month, whole course"));
            Assert.That(Visible(dom), Does.Contain($"{Drifted}: 3 difference(s)").And.Contain($"{NoTables}: 9 difference(s)"), "each learner's differences are listed, as many as its row says");
            Assert.That(dom, Does.Not.Match("<(link|script|img|iframe)\\b"), "nothing on the page loads or runs anything");
        });
    }

    [Test]
    public async Task TheScreenshotShowsTheHeaderAndTheChartsBars()
    {
        using var folder = new TempFolder();
        var page = Path.Combine(folder.Path, "course.html");
        var png = Path.Combine(folder.Path, "course.png");
        Assert.That((await Tool.RunAsync(["report", .. _args, "--html", page])).ExitCode, Is.EqualTo(ExitCodes.Drift));

        await HeadlessChromium.ScreenshotAsync(page, png, 1280, 1100);

        var pixels = PngPixels.Read(png);
        TestContext.Out.WriteLine($"{pixels.Colours()} colours; header {pixels.Count(0x1f, 0x2a, 0x44)}, blue {pixels.Count(0x3b, 0x6f, 0xd4)}, red {pixels.Count(0xc6, 0x28, 0x28)} pixels");
        Assert.Multiple(() =>
        {
            Assert.That((pixels.Width, pixels.Height), Is.EqualTo((1280, 1100)));
            Assert.That(pixels.Colours(), Is.GreaterThan(50), "not a blank page");
            Assert.That(pixels.Count(0x1f, 0x2a, 0x44), Is.GreaterThan(1280 * 100), "the dark header band with the course totals");
            Assert.That(pixels.Count(0x3b, 0x6f, 0xd4), Is.GreaterThan(2 * 300 * 10), "two learners' blue bars of live items");
            Assert.That(pixels.Count(0xc6, 0x28, 0x28), Is.GreaterThan(2 * 50 * 8), "two learners' red bars of differences");
        });
        TestContext.AddTestAttachment(png, "the course report as chromium renders it");
    }

    [Test]
    public async Task AHostileItemKeyIsTextOnThePageNeverMarkup()
    {
        using var folder = new TempFolder();
        var page = Path.Combine(folder.Path, "course.html");
        Assert.That((await Tool.RunAsync(["report", .. _args, "--html", page])).ExitCode, Is.EqualTo(ExitCodes.Drift));

        var dom = await HeadlessChromium.DumpDomAsync(page);

        Assert.Multiple(() =>
        {
            Assert.That(Visible(dom), Does.Contain($"extra global-{HostileKey} (not declared"), "a person reads the key as it is");
            Assert.That(dom, Does.Not.Match("<script\\b"), "no script element came from the key");
            Assert.That(dom, Does.Not.Match("<img\\b"), "no image element came from the key");
        });
    }

    [Test]
    public async Task WritingThePageAgainReplacesItWholeAndLeavesNothingElse()
    {
        using var folder = new TempFolder();
        var page = Path.Combine(folder.Path, "course.html");
        await File.WriteAllTextAsync(page, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"generator\" content=\"academy-sandbox report\">\nan older report");

        await Tool.RunAsync(["report", .. _args, "--html", page]);

        Assert.Multiple(async () =>
        {
            Assert.That(await File.ReadAllTextAsync(page), Does.StartWith("<!DOCTYPE html>").And.EndWith("</html>\n"));
            Assert.That(Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName), Is.EqualTo(new[] { "course.html" }), "no temporary file is left");
        });
    }

    [Test]
    public async Task AnHtmlFileThatCannotBeWrittenIsOneErrorAndNothingIsWritten()
    {
        using var folder = new TempFolder();
        var page = Path.Combine(folder.Path, "no-such-folder", "course.html");
        var file = Path.Combine(folder.Path, "a-file");
        await File.WriteAllTextAsync(file, "");

        var report = await Tool.RunAsync(["report", .. _args, "--html", page]);
        var both = await Tool.RunAsync(["report", .. _args, "--json", "--html", Path.Combine(folder.Path, "a.html")]);
        var onFolder = await Tool.RunAsync(["report", .. _args, "--html", folder.Path]);
        var empty = await Tool.RunAsync(["report", .. _args, "--html", ""]);
        var dash = await Tool.RunAsync(["report", .. _args, "--html", "-"]);
        var underFile = await Tool.RunAsync(["report", .. _args, "--html", Path.Combine(file, "course.html")]);

        Assert.Multiple(() =>
        {
            Assert.That(report.ExitCode, Is.Not.Zero);
            Assert.That(report.Error.Trim(), Is.EqualTo($"--html {page}: the folder {Path.GetDirectoryName(page)} does not exist"));
            Assert.That(report.Output, Is.Empty, "nothing was read before the error");
            Assert.That(both.Error, Does.Contain("--json and --html exclude each other"));
            Assert.That(onFolder.Error, Does.Contain($"--html {folder.Path} is a folder; name the file to write"));
            Assert.That(empty.Error.Trim(), Is.EqualTo("--html needs the name of the file to write, not ''"));
            Assert.That(dash.Error.Trim(), Is.EqualTo("--html - would mean stdout, which holds the text report; name the file to write, e.g. report.html"));
            Assert.That(underFile.Error.Trim(), Is.EqualTo($"--html {Path.Combine(file, "course.html")}: {file} is a file, not a folder"));
            Assert.That(new[] { report, both, onFolder, empty, dash, underFile }.Select(r => r.ExitCode), Is.All.Not.Zero);
            Assert.That(Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName), Is.EqualTo(new[] { "a-file" }));
        });
    }

    [Test]
    public async Task WithoutARosterTheReportSaysHowToGiveOne()
    {
        var report = await Tool.RunAsync(["report", "--project", _project.Root, "--endpoint", LocalEngine.Endpoint]);

        Assert.Multiple(() =>
        {
            Assert.That(report.ExitCode, Is.EqualTo(ExitCodes.Usage));
            Assert.That(report.Error.Trim(), Does.StartWith("error: report covers a course: give --roster FILE, or a --stack whose academy:roster names one"));
        });
    }

    private static Dictionary<string, AttributeValue> Key(string name) => new() { ["name"] = new() { S = name } };

    // To the cent, as a bill shows money.
    private static string Usd(decimal value) => "$" + Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture);

    // What a person reads in a stretch of the DOM: text without tags, styles or titles, spaces collapsed.
    private static string Visible(string html)
    {
        var text = Regex.Replace(html, "<(style|title)\\b.*?</\\1>", " ", RegexOptions.Singleline);
        text = Regex.Replace(text, "<[^>]+>", " ");
        return Regex.Replace(WebUtility.HtmlDecode(text), "[ \\t\\r\\n]+", " ").Trim();
    }

    private static List<string> Rows(string dom) =>
        Regex.Matches(dom, "<tr\\b.*?</tr>", RegexOptions.Singleline).Select(m => Visible(m.Value)).ToList();

    // Every dollar figure with all its digits, so one with too many decimals shows whole.
    [GeneratedRegex(@"\$[\d,.]+\d")]
    private static partial Regex Money();

    // The first learner the engine failed names the error; the rest were not done for it (one deadline, not one each).
    [GeneratedRegex("^  t\\w+\\s+unreachable\\s+\\$\\d+\\.\\d\\d  (error: no DynamoDB engine answers|not done: no DynamoDB answered for t)")]
    private static partial Regex UnreachableRow();

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("academy-report-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
