using Academy.Sandbox.Tests.Support;

namespace Academy.Sandbox.Tests;

/// <summary>
/// scripts/test.sh is what CI runs, and CI keeps only its log: a failed test has to be named there,
/// with its message, or a failure seen once in CI cannot be told from any other.
/// </summary>
public sealed class TestScriptTests
{
    private const string Results = """
        <?xml version="1.0" encoding="utf-8"?>
        <TestRun id="1" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
          <Results>
            <UnitTestResult executionId="a" testId="b" testName="PassesQuietly" duration="00:00:00.01" outcome="Passed" />
            <UnitTestResult executionId="c" testId="d" testName="Refuses(&quot;up&quot;, 3)" duration="00:00:01.50" outcome="Failed">
              <Output>
                <ErrorInfo>
                  <Message>  the run printed &lt;nothing&gt; &amp; ended&#xD;
          Expected: 3
          But was:  4
        </Message>
                  <StackTrace>at Refuses()</StackTrace>
                </ErrorInfo>
              </Output>
            </UnitTestResult>
            <UnitTestResult executionId="e" testId="f" testName="OneLiner" outcome="Failed"><Output><ErrorInfo><Message>it timed out</Message></ErrorInfo></Output></UnitTestResult>
          </Results>
        </TestRun>
        """;

    [Test]
    public async Task AFailedTestIsNamedInTheLogWithItsMessageAndAPassedOneIsNot()
    {
        using var scratch = new ScratchProject();
        scratch.Write("results.trx", Results);

        var run = await ScriptProcess.RunAsync(LocalEngine.Repo.Root, "scripts/trx-failures.sh", [Path.Combine(scratch.Root, "results.trx")]);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Error);
            Assert.That(run.Output, Does.Contain("FAILED Refuses(\"up\", 3)\n"));
            Assert.That(run.Output, Does.Contain("the run printed <nothing> & ended\n"));
            Assert.That(run.Output, Does.Contain("But was:  4"));
            Assert.That(run.Output, Does.Contain("FAILED OneLiner\n        it timed out\n"));
            Assert.That(run.Output, Does.Not.Contain("PassesQuietly").And.Not.Contain("at Refuses()"), "passed tests and stack traces stay in the .trx file");
        });
    }
}
