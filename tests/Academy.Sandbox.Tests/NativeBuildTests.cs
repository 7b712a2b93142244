using Academy.Sandbox.Tests.Support;

namespace Academy.Sandbox.Tests;

/// <summary>
/// bin/academy-sandbox's native (AOT) build, with stand-ins for dotnet (records each publish; the
/// native one "builds" an executable that echoes its arguments) and for the C compiler, so each
/// decision takes milliseconds and no test ever compiles natively.
/// </summary>
public sealed class NativeBuildTests
{
    private const string StandInDotnet = """
        #!/usr/bin/env bash
        here="$(dirname "$0")"
        if [[ "$1" == publish ]]; then
          echo "$*" >>"$here/builds"
          aot=0
          while (($# > 0)); do if [[ "$1" == -o ]]; then out="$2"; fi; if [[ "$1" == -p:PublishAot=true ]]; then aot=1; fi; shift; done
          mkdir -p "$out"
          if ((aot)); then
            if [[ -f "$here/break-the-native-build" ]]; then echo "ILC: error: no linker"; exit 1; fi
            printf '#!/usr/bin/env bash\necho "native $*"\n' >"$out/academy-sandbox" && chmod +x "$out/academy-sandbox"
          else
            echo built >"$out/academy-sandbox.dll"
          fi
          exit 0
        fi
        echo "ran $*"
        """;

    [Test]
    public async Task WithACompilerTheFirstRunUsesTheJitBuildAndTheRunsAfterTheBackgroundNativeBuildUseIt()
    {
        using var checkout = NewCheckout();

        var first = await RunAsync(checkout, "auto", "plan", "--user", "ada");
        await NativeBuildDoneAsync(checkout);
        var second = await RunAsync(checkout, "auto", "plan", "--user", "ada");

        Assert.Multiple(() =>
        {
            Assert.That(first.Output, Is.EqualTo($"ran {checkout.Resolve(".artifacts/sandbox/academy-sandbox.dll")} plan --user ada\n"), "no waiting for the native build");
            Assert.That(first.Error, Does.Contain("building the native academy-sandbox in the background"));
            Assert.That(second.Output, Is.EqualTo("native plan --user ada\n"));
            Assert.That(second.Error, Is.Empty);
            Assert.That(Builds(checkout), Has.Length.EqualTo(2));
            Assert.That(Builds(checkout)[1], Does.Contain("-p:PublishAot=true").And.Contain($"-o {checkout.Resolve(".artifacts/sandbox-native/next")}"));
        });
    }

    [Test]
    public async Task AChangedSourceRunsTheJitBuildAgainUntilTheNativeOneIsRebuilt()
    {
        using var checkout = NewCheckout();
        await RunAsync(checkout, "auto", "plan");
        await NativeBuildDoneAsync(checkout);

        File.SetLastWriteTimeUtc(checkout.Resolve("seed/Academy.Sandbox/Program.cs"), DateTime.UtcNow.AddSeconds(2));
        var changed = await RunAsync(checkout, "auto", "plan");
        await WaitForAsync(() => Builds(checkout).Length == 4 && !File.Exists(checkout.Resolve(".artifacts/sandbox-native/.building"))); // before the checkout goes

        Assert.That(changed.Output, Does.StartWith("ran "), "a native build of older sources is never run");
    }

    [Test]
    public async Task JitRunsOnlyTheJitBuild()
    {
        using var checkout = NewCheckout();

        var run = await RunAsync(checkout, "jit", "plan");
        await Task.Delay(500);

        Assert.That(run.Error, Is.EqualTo("building academy-sandbox...\n"));
        Assert.That(Builds(checkout), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task NativeBuildsTheNativeOneFirstAndRunsIt()
    {
        using var checkout = NewCheckout();

        var run = await RunAsync(checkout, "native", "--version");

        Assert.Multiple(() =>
        {
            Assert.That(run.Output, Is.EqualTo("native --version\n"));
            Assert.That(run.Error, Is.EqualTo("building academy-sandbox (native)...\n"));
            Assert.That(Builds(checkout), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public async Task JsonRunsTheJitBuildEvenWhenTheNativeOneIsThere()
    {
        using var checkout = NewCheckout();
        await RunAsync(checkout, "native", "--version");

        var json = await RunAsync(checkout, "native", "plan", "--json");

        Assert.That(json.Output, Is.EqualTo($"ran {checkout.Resolve(".artifacts/sandbox/academy-sandbox.dll")} plan --json\n"));
    }

    [Test]
    public async Task AFailedNativeBuildIsNotTriedAgainUntilASourceChanges()
    {
        using var checkout = NewCheckout();
        File.WriteAllText(checkout.Resolve("stand-ins/break-the-native-build"), "");

        await RunAsync(checkout, "auto", "plan");
        await WaitForAsync(() => File.Exists(checkout.Resolve(".artifacts/sandbox-native/.failed")));
        var again = await RunAsync(checkout, "auto", "plan");
        await Task.Delay(500);

        Assert.Multiple(() =>
        {
            Assert.That(again.Output, Does.StartWith("ran "));
            Assert.That(again.Error, Is.Empty);
            Assert.That(Builds(checkout), Has.Length.EqualTo(2), "the JIT build and one native attempt");
        });
    }

    [Test]
    public async Task AnUnknownBuildKindIsRefusedInOneLine()
    {
        using var checkout = NewCheckout();

        var run = await RunAsync(checkout, "fast", "plan");

        Assert.That(run.Error, Is.EqualTo("academy-sandbox: ACADEMY_SANDBOX_BUILD is 'fast'; use auto (the default), jit or native\n"));
        Assert.That(run.ExitCode, Is.Not.Zero);
    }

    private static ScratchCheckout NewCheckout()
    {
        var checkout = new ScratchCheckout();
        checkout.WriteExecutable("stand-ins/dotnet", StandInDotnet);
        checkout.WriteExecutable("stand-ins/clang", "#!/usr/bin/env bash\nexit 1\n");
        return checkout;
    }

    private static Task NativeBuildDoneAsync(ScratchCheckout checkout) =>
        WaitForAsync(() => File.Exists(checkout.Resolve(".artifacts/sandbox-native/.built")));

    // The stand-in build takes milliseconds, but runs at nice 19: on a 2-core machine busy with the
    // other fixtures and the format check it may wait its turn for seconds. Done sooner, it returns sooner.
    private static async Task WaitForAsync(Func<bool> done)
    {
        for (var i = 0; i < 1200 && !done(); i++)
        {
            await Task.Delay(50);
        }

        Assert.That(done(), Is.True, "the background build did not finish within 60 s");
    }

    private static string[] Builds(ScratchCheckout checkout) =>
        File.Exists(checkout.Resolve("stand-ins/builds")) ? File.ReadAllLines(checkout.Resolve("stand-ins/builds")) : [];

    private static Task<CliRun> RunAsync(ScratchCheckout checkout, string build, params string[] args) =>
        ScriptProcess.RunAsync(checkout.Root, "bin/academy-sandbox", args, new Dictionary<string, string> { ["PATH"] = checkout.SearchPath, ["ACADEMY_SANDBOX_BUILD"] = build });
}
