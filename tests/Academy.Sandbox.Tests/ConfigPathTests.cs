using System.Text.Json;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Tests.Support;

namespace Academy.Sandbox.Tests;

/// <summary>
/// Paths that stack config gives (academy:seedDir, academy:roster) reach the file system: a NUL there
/// (YAML's "\u0000") or thousands of characters is one error naming the key, in text and in --json,
/// never the runtime's ArgumentException and its stack; other control characters are legal names,
/// escaped in messages.
/// </summary>
public sealed class ConfigPathTests
{
    public static IEnumerable<TestCaseData> Paths()
    {
        yield return new TestCaseData("bob", "academy:seedDir: \"seed\\u0000x\"", "config academy:seedDir: holds a NUL character (U+0000), which no file or folder name can hold")
            .SetName("A_NUL_in_academy_seedDir_is_one_error_naming_the_key");
        yield return new TestCaseData("bob", "academy:seedDir: \"seed\\u001b]0;pwned\\u0007\"", "tables.json: not found")
            .SetName("An_escape_in_academy_seedDir_is_a_legal_name_not_found_and_never_reaches_the_terminal_raw");
        yield return new TestCaseData("course", "academy:roster: \"roster\\u0000.yaml\"", "config academy:roster: holds a NUL character (U+0000), which no file or folder name can hold")
            .SetName("A_NUL_in_academy_roster_is_one_error_naming_the_key");
        yield return new TestCaseData("bob", "academy:seedDir: " + new string('s', 5000), "config academy:seedDir: is 5,000 characters long; a path is at most 1,024")
            .SetName("A_seedDir_of_thousands_of_characters_is_one_error");
    }

    [TestCaseSource(nameof(Paths))]
    public async Task IsOneErrorNamingTheKeyInTextAndJson(string stack, string line, string error)
    {
        using var project = new ScratchProject();
        project.Write($"Pulumi.{stack}.yaml", $"config:\n  {line}\n");
        string[] args = ["plan", "--stack", stack, "--project", project.Root];

        var text = await Tool.RunAsync(args);
        var json = await Tool.RunAsync([.. args, "--json"]);

        Assert.Multiple(() =>
        {
            Assert.That(text.ExitCode, Is.EqualTo(ExitCodes.CatalogInvalid), text.Error);
            Assert.That(text.Error, Does.Contain(error).And.Not.Contain("   at ").And.Not.Contain("Exception"));
            Assert.That(text.Error, Does.Not.Contain("\u001b").And.Not.Contain("\u0000"), "the path itself is never echoed raw");
            Assert.That(json.ExitCode, Is.EqualTo(ExitCodes.CatalogInvalid));
            using var document = JsonDocument.Parse(json.Output);
            Assert.That(document.RootElement.GetRawText(), Does.Contain(error));
        });
    }
}
