using System.Text;

namespace Academy.Sandbox.Tests.Support;

/// <summary>A command a run printed in backquotes, copied out of its output and run as a user pastes it into a POSIX shell.</summary>
public static class PastedHint
{
    /// <summary>The words of the first backquoted command on the first line holding <paramref name="marker"/>, after it.</summary>
    public static string[] Words(string output, string marker)
    {
        var line = output.Split('\n').FirstOrDefault(l => l.Contains(marker, StringComparison.Ordinal))
            ?? throw new AssertionException($"no line holds \"{marker}\" in:\n{output}");
        var rest = line[(line.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..];
        var start = rest.IndexOf('`', StringComparison.Ordinal);
        var end = start < 0 ? -1 : rest.IndexOf('`', start + 1);
        if (end < 0)
        {
            throw new AssertionException($"no `command` after \"{marker}\" in: {line}");
        }

        return Split(rest[(start + 1)..end]);
    }

    /// <summary>Runs the hinted command (its first word must be academy-sandbox) in-process.</summary>
    public static async Task<CliRun> RunAsync(string output, string marker)
    {
        var words = Words(output, marker);
        Assert.That(words[0], Is.EqualTo("academy-sandbox"), string.Join(' ', words));
        TestContext.Out.WriteLine("$ " + string.Join(' ', words));
        var run = await Tool.RunAsync(words[1..]);
        TestContext.Out.WriteLine(run.Output + run.Error);
        return run;
    }

    // Words split at spaces; '...' quotes as a POSIX shell reads them (nothing is special inside).
    private static string[] Split(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (c == '\'')
            {
                var close = command.IndexOf('\'', i + 1);
                word.Append(command, i + 1, close - i - 1);
                i = close;
                inWord = true;
            }
            else if (c == ' ')
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return [.. words];
    }
}
