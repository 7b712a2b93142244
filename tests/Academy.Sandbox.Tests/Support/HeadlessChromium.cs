using System.Diagnostics;

namespace Academy.Sandbox.Tests.Support;

/// <summary>
/// Debian's chromium, started headless on a file:// URL with a fresh profile and everything that
/// would reach the network switched off, bounded in time, as a person's browser would render a page.
/// </summary>
public static class HeadlessChromium
{
    public const string Executable = "/usr/bin/chromium";

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>The DOM after the page was parsed and laid out, serialized as HTML.</summary>
    public static Task<string> DumpDomAsync(string htmlFile) => RunAsync(["--dump-dom"], htmlFile);

    /// <summary>A screenshot of the page's first <paramref name="width"/> x <paramref name="height"/> pixels.</summary>
    public static async Task ScreenshotAsync(string htmlFile, string pngFile, int width, int height) =>
        await RunAsync([$"--screenshot={pngFile}", $"--window-size={width},{height}", "--hide-scrollbars"], htmlFile);

    private static async Task<string> RunAsync(string[] mode, string htmlFile)
    {
        if (!File.Exists(Executable))
        {
            Assert.Fail($"{Executable} is missing; these tests look at the report in a real browser: run scripts/install-chromium.sh (as root) first");
        }

        var profile = Directory.CreateTempSubdirectory("academy-chromium-");
        try
        {
            var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                $"--user-data-dir={profile.FullName}",
            }.Concat(mode).Append(new Uri(htmlFile).AbsoluteUri))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(Limit);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"chromium did not finish within {Limit.TotalSeconds} s on {htmlFile}");
            }

            Assert.That(process.ExitCode, Is.Zero, $"chromium failed on {htmlFile}: {await error}");
            return await output;
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
