using System.Diagnostics;
using Academy.Catalog;
using Academy.Catalog.Errors;
using Academy.Catalog.Roster;
using Academy.Catalog.Settings;
using Academy.Sandbox.Config;

namespace Academy.Sandbox.Tests.Files;

/// <summary>
/// Inputs that are not regular files: a FIFO (what a process substitution is), /dev/zero, /dev/urandom,
/// a folder where the file should be (said as such, not "not found").
/// Each is one error line naming the file, at once: never a wait for a writer, never memory filled
/// with an endless stream.
/// </summary>
[Platform(Exclude = "Win")]
public sealed class SpecialInputTests
{
    // Not a timing assertion: a bound so a reader blocked on a FIFO fails the test instead of hanging it.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    public static IEnumerable<TestCaseData> Inputs()
    {
        foreach (var special in new[] { "fifo", "/dev/zero", "/dev/urandom", "folder" })
        {
            yield return new TestCaseData("Pulumi.bob.yaml", special).SetArgDisplayNames("stack file", special);
            yield return new TestCaseData("seed/tables.json", special).SetArgDisplayNames("table file", special);
            yield return new TestCaseData("seed/items/global.json", special).SetArgDisplayNames("seed file", special);
            yield return new TestCaseData("roster.yaml", special).SetArgDisplayNames("roster", special);
        }
    }

    [TestCaseSource(nameof(Inputs))]
    public async Task AnInputThatIsNotARegularFileIsOneErrorNamingItAtOnce(string input, string special)
    {
        using var project = new ScratchProject();
        var path = Path.Combine(project.Root, input);
        File.Delete(path);
        if (special == "fifo")
        {
            MakeFifo(path);
        }
        else if (special == "folder")
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            File.CreateSymbolicLink(path, special);
        }

        var errors = await Task.Run(() => Read(project, input)).WaitAsync(Bound);

        Assert.That(errors, Has.Count.EqualTo(1), string.Join("\n", errors));
        Assert.That(errors[0], special == "folder"
            ? Does.StartWith(input + ": is a folder")
            : Does.StartWith(input + ": is a ").And.Contain(special == "fifo" ? "named pipe (FIFO)" : "character device").And.Contain("not a regular file"));
    }

    [Test]
    public void ASeedFileOverTheLimitIsRefusedBeforeItIsRead()
    {
        using var project = new ScratchProject();
        using (var file = File.Create(Path.Combine(project.Root, "seed/items/global.json")))
        {
            file.SetLength(3L * 1024 * 1024 * 1024); // sparse: costs no disk, would cost 3 GB of memory to read
        }

        var error = Assert.Throws<CatalogException>(() => CatalogBuilder.Build(new DictionaryConfigSource("bob"), project.Paths))!;

        Assert.That(error.Errors.Single().ToString(), Is.EqualTo("seed/items/global.json: is 3,072 MB; a seed file is at most 64 MB"));
    }

    [Test]
    public void TheLimitIsCountedWhileReadingNotTakenFromTheReportedLength()
    {
        // A /proc file is a regular file that reports a length of 0 and holds more.
        const string file = "/proc/self/status";
        Assume.That(File.Exists(file) && new FileInfo(file).Length == 0, "a /proc file system");

        var bytes = Academy.Catalog.Files.InputFile.Read(file, 64, size => $"too large ({size?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"})", out var problem);

        Assert.That((bytes, problem), Is.EqualTo(((byte[]?)null, "too large (unknown)")));
    }

    // Every reader of the input, as the command that reads it would call it.
    private static List<string> Read(ScratchProject project, string input)
    {
        if (input == "roster.yaml")
        {
            var errors = new ErrorList();
            RosterReader.Read(project.Paths, input, errors);
            return errors.Errors.Select(e => e.ToString()).ToList();
        }

        try
        {
            var config = input.StartsWith("Pulumi.", StringComparison.Ordinal)
                ? (IConfigSource)StackFileConfigSource.Load(project.Paths, "bob")
                : new DictionaryConfigSource("bob");
            CatalogBuilder.Build(config, project.Paths);
            return [];
        }
        catch (CatalogException e)
        {
            return e.Errors.Select(x => x.ToString()).ToList();
        }
    }

    internal static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { RedirectStandardError = true })!;
        mkfifo.WaitForExit();
        Assert.That(mkfifo.ExitCode, Is.Zero, mkfifo.StandardError.ReadToEnd());
    }
}
