using Academy.Catalog.Files;

namespace Academy.Catalog.Tests.Safety;

public class InputFileTests
{
    private static string Size(long? size) => size is { } known ? $"is {known}" : "is more";

    [Test]
    public void AFileOfExactlyTheLimitIsReadWholeAndOneByteMoreIsRefusedWithItsSize()
    {
        var file = Path.GetTempFileName();
        try
        {
            var content = Enumerable.Range(0, 70_000).Select(i => (byte)(i % 251)).ToArray();
            File.WriteAllBytes(file, content);

            var read = InputFile.Read(file, content.Length, Size, out var none);
            var refused = InputFile.Read(file, content.Length - 1, Size, out var problem);

            Assert.Multiple(() =>
            {
                Assert.That(read, Is.EqualTo(content));
                Assert.That(none, Is.Null);
                Assert.That(refused, Is.Null);
                Assert.That(problem, Is.EqualTo("is 70000"));
            });
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void AFileThatStatesNoLengthIsReadOnUpToTheLimit()
    {
        // A /proc file is a regular file that states a length of 0 and holds more.
        const string file = "/proc/self/status";
        Assume.That(File.Exists(file) && new FileInfo(file).Length == 0, "a /proc file system");

        var read = InputFile.Read(file, 1024 * 1024, Size, out var none);
        var refused = InputFile.Read(file, 10, Size, out var problem);

        Assert.Multiple(() =>
        {
            Assert.That(System.Text.Encoding.UTF8.GetString(read!), Does.StartWith("Name:"));
            Assert.That(none, Is.Null);
            Assert.That(refused, Is.Null);
            Assert.That(problem, Is.EqualTo("is more"), "the stated length (0) is not the size, so none is given");
        });
    }
}
