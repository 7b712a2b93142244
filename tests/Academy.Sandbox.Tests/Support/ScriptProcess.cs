using System.Diagnostics;
using System.Text;

namespace Academy.Sandbox.Tests.Support;

/// <summary>
/// A repository script run as a terminal runs it: in a process group of its own (setsid), with SIGINT
/// at its default disposition even if the test host inherited it ignored, its output collected as it
/// comes so a test can wait for a line and then press Ctrl+C (SIGINT to the whole group).
/// </summary>
public sealed class ScriptProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private ScriptProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    public static ScriptProcess Start(string workingDirectory, string script, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        InterruptSignal.MakeDeliverableToChildren();
        var start = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var arg in new[] { "env", "--default-signal=INT", "bash", script }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        // The launcher's JIT build only: a native (AOT) build takes minutes of CPU, which the test
        // command must not spend; a test may still ask for another kind.
        start.Environment["ACADEMY_SANDBOX_BUILD"] = "jit";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var run = new ScriptProcess(process);
        process.OutputDataReceived += (_, e) => run.Append(run._output, e.Data);
        process.ErrorDataReceived += (_, e) => run.Append(run._error, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        return run;
    }

    /// <summary>Runs a script to its end and returns what it printed.</summary>
    public static async Task<CliRun> RunAsync(string workingDirectory, string script, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var run = Start(workingDirectory, script, args, environment);
        var code = await run.WaitForExitAsync(TimeSpan.FromMinutes(3));
        return new CliRun(code, run.Output, run.Error);
    }

    /// <summary>Waits until stdout or stderr holds <paramref name="text"/>; fails if the script ends first.</summary>
    public async Task WaitForAsync(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!(Output.Contains(text, StringComparison.Ordinal) || Error.Contains(text, StringComparison.Ordinal)))
        {
            if (_process.HasExited || clock.Elapsed > timeout)
            {
                Assert.Fail($"the script never printed '{text}' (exited: {_process.HasExited})\nstdout:\n{Output}\nstderr:\n{Error}");
            }

            await Task.Delay(25);
        }
    }

    /// <summary>What a terminal sends on Ctrl+C: SIGINT to every process of the foreground group.</summary>
    public void Interrupt() => Signal("-INT");

    /// <summary>Waits for the exit and returns the exit code; kills the group and fails after the timeout.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Signal("-KILL");
            Assert.Fail($"the script did not end within {timeout.TotalSeconds} s\nstdout:\n{Output}\nstderr:\n{Error}");
        }

        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Signal("-KILL");
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }

    /// <summary>Live (not zombie) processes whose command line mentions <paramref name="text"/>, e.g. a scratch folder.</summary>
    public static IReadOnlyList<int> ProcessesMentioning(string text) =>
        Directory.EnumerateDirectories("/proc")
            .Select(dir => int.TryParse(Path.GetFileName(dir), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && IsAlive(pid) && CommandLine(pid).Contains(text, StringComparison.Ordinal))
            .ToList();

    /// <summary>A process's command line, for a message (empty once it has ended).</summary>
    public static string CommandLine(int pid) => ReadOrEmpty($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();

    public static bool IsAlive(int pid)
    {
        // /proc/PID/stat: "PID (name) STATE ..."; a zombie (Z) has ended and only waits to be reaped.
        var stat = ReadOrEmpty($"/proc/{pid}/stat");
        var afterName = stat.LastIndexOf(')');
        return afterName > 0 && afterName + 2 < stat.Length && stat[afterName + 2] != 'Z';
    }

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    private void Append(StringBuilder to, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (to)
        {
            to.Append(line).Append('\n');
        }
    }

    private void Signal(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { signal, "--", $"-{_process.Id}" }, RedirectStandardError = true })!;
        kill.WaitForExit();
    }
}
