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

    [Test]
    public void AFileOneByteOverAWholeMegabyteLimitIsNamedInBytesNotRoundedDown()
    {
        var file = Path.GetTempFileName();
        try
        {
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Write))
            {
                stream.SetLength((1024 * 1024) + 1);
            }

            InputFile.Read(file, 1024 * 1024, size => $"is {InputFile.Size(size!.Value)}; at most {InputFile.Size(1024 * 1024)}", out var problem);

            Assert.That(problem, Is.EqualTo("is 1,048,577 bytes; at most 1 MB"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void AFileChangingSizeWhileReadNeverGetsPastTheLimit()
    {
        // Another process resizes the file between 100 bytes and twice the limit while it is read
        // again and again: every read is either refused or at most the limit, and nothing throws.
        const int limit = 1024 * 1024;
        var file = Path.GetTempFileName();
        File.WriteAllBytes(file, new byte[100]);
        using var stop = new CancellationTokenSource();
        var resizer = Task.Run(() =>
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            while (!stop.IsCancellationRequested)
            {
                stream.SetLength(2 * limit);
                stream.SetLength(100);
            }
        });
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var (reads, refused, largest) = (0, 0, 0);
            while (clock.Elapsed < TimeSpan.FromSeconds(3))
            {
                var bytes = InputFile.Read(file, limit, Size, out var problem);
                reads++;
                refused += bytes is null ? 1 : 0;
                largest = Math.Max(largest, bytes?.Length ?? 0);
                Assert.That(bytes is null, Is.EqualTo(problem is not null), "a result or a problem, never both or neither");
            }

            Assert.That(largest, Is.LessThanOrEqualTo(limit), $"{reads:N0} reads, {refused:N0} refused");
        }
        finally
        {
            stop.Cancel();
            resizer.Wait();
            File.Delete(file);
        }
    }
}
