using System.Text.RegularExpressions;
using Academy.Catalog.Tests.Support;

namespace Academy.Catalog.Tests;

/// <summary>
/// The README is what a newcomer reads first: short enough for five minutes, with the set-up they
/// need on a fresh machine, and every link leading somewhere, since the reference lives in docs/.
/// </summary>
public partial class ReadmeTests
{
    // "At most about 250 lines": set-up, the two quick starts and the layout, with real output.
    private const int MaxReadmeLines = 260;

    private static string Readme => File.ReadAllText(TestProject.Repo.Resolve("README.md"));

    [Test]
    public void TheReadmeIsShortAndTheReferenceIsInDocs()
    {
        var lines = File.ReadAllLines(TestProject.Repo.Resolve("README.md"));

        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Length.AtMost(MaxReadmeLines), "README.md: move reference material into docs/");
            Assert.That(lines.Where(l => l.StartsWith("| `academy:", StringComparison.Ordinal)), Is.Empty, "the config keys table belongs in docs/configuration.md");
        });
    }

    [Test]
    public void TheSetUpSaysHowToGetTheDotnetSdkAndPulumiAndHowToTest()
    {
        var setUp = Section(Readme, "## Set up");

        Assert.Multiple(() =>
        {
            // Microsoft's and Pulumi's own install commands for Linux.
            Assert.That(setUp, Does.Contain("https://dot.net/v1/dotnet-install.sh").And.Contain("--channel 10.0"));
            Assert.That(setUp, Does.Contain("curl -fsSL https://get.pulumi.com | sh"));
            Assert.That(setUp, Does.Contain("bash scripts/test.sh").And.Contain("ACADEMY_NUGET_FOLDER").And.Contain("tests/Academy.Infra.Tests"));
        });
    }

    [Test]
    public void EveryRelativeLinkInTheReadmeAndDocsLeadsToAFile()
    {
        var docs = Directory.GetFiles(TestProject.Repo.Resolve("docs"), "*.md").Append(TestProject.Repo.Resolve("README.md"));
        var broken = new List<string>();
        foreach (var doc in docs)
        {
            foreach (Match link in Link().Matches(File.ReadAllText(doc)))
            {
                var target = link.Groups["target"].Value.Split('#')[0];
                if (target.Length == 0 || target.Contains("://", StringComparison.Ordinal))
                {
                    continue;
                }

                var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(doc)!, target));
                if (!File.Exists(path) && !Directory.Exists(path))
                {
                    broken.Add($"{Path.GetFileName(doc)}: {link.Value}");
                }
            }
        }

        Assert.That(broken, Is.Empty);
    }

    [Test]
    public void ThePerformanceSectionQuotesARealRunWithItsLoadAsDocsPerformanceHasIt()
    {
        var section = Section(Readme, "## Performance");
        var block = Regex.Match(section, "```\n(?<run>.*?)\n```", RegexOptions.Singleline).Groups["run"].Value;
        var docs = File.ReadAllText(TestProject.Repo.Resolve("docs/performance.md"));

        Assert.Multiple(() =>
        {
            Assert.That(block, Does.StartWith("machine: 2 cores, load average "), "the machine's load comes with the figures");
            Assert.That(block.Split('\n').Count(l => l.Contains("(goal: ", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(4));
            Assert.That(block.Split('\n').Where(l => !docs.Contains(l, StringComparison.Ordinal)), Is.Empty, "every line is from the run docs/performance.md quotes whole");
        });
    }

    private static string Section(string text, string heading)
    {
        var start = text.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        Assert.That(start, Is.Not.Negative, $"README.md has no '{heading}'");
        var end = text.IndexOf("\n## ", start + heading.Length + 1, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..end];
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();
}
