using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Academy.Sandbox.Tests.Support;

/// <summary>
/// A dynalite process on a free loopback port, from seed/engine/node_modules (installed with npm ci
/// when missing). dynalite ignores --port 0, so the port is picked here; data stays in memory.
/// </summary>
public sealed class Dynalite : IDisposable
{
    private readonly Process _process;

    private Dynalite(Process process, int port)
    {
        _process = process;
        Endpoint = $"http://127.0.0.1:{port}";
    }

    public string Endpoint { get; }

    /// <param name="tableMs">How long a table stays CREATING or DELETING (0: none, as in the sandbox's own engine).</param>
    public static async Task<Dynalite> StartAsync(string engineDir, int tableMs = 0)
    {
        var ms = tableMs.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await EnsureInstalledAsync(engineDir);
        Exception? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var port = LoopbackPort.Free();
            var process = Process.Start(new ProcessStartInfo("node")
            {
                ArgumentList =
                {
                    Path.Combine(engineDir, "node_modules", "dynalite", "cli.js"),
                    "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "--createTableMs", ms, "--deleteTableMs", ms, "--updateTableMs", "0",
                },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var engine = new Dynalite(process, port);
            if (await engine.WaitReadyAsync(TimeSpan.FromSeconds(15)))
            {
                return engine;
            }

            last = new InvalidOperationException($"dynalite did not answer on port {port}: {await process.StandardError.ReadToEndAsync()}");
            engine.Dispose();
        }

        throw last!;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }

    private static async Task EnsureInstalledAsync(string engineDir)
    {
        if (File.Exists(Path.Combine(engineDir, "node_modules", "dynalite", "cli.js")))
        {
            return;
        }

        using var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund --loglevel=error") { WorkingDirectory = engineDir })!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await npm.WaitForExitAsync(timeout.Token);
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {engineDir} failed with exit code {npm.ExitCode}");
        }
    }

    // dynalite answers GET / with "healthy: ..." once it listens.
    private async Task<bool> WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout && !_process.HasExited)
        {
            try
            {
                var body = await http.GetStringAsync(Endpoint + "/");
                if (body.StartsWith("healthy", StringComparison.Ordinal))
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        return false;
    }
}
