using Academy.Sandbox.Cli;
using Academy.Sandbox.Tests.Support;

namespace Academy.Sandbox.Tests;

/// <summary>
/// bin/academy-sandbox decides when to build. These tests put a stand-in dotnet first on PATH that
/// records each publish and "runs" the dll by echoing its arguments, so each decision takes milliseconds;
/// the real build through the launcher runs in <see cref="ScriptTests"/> and <see cref="SandboxScriptTests"/>.
/// </summary>
public sealed class LauncherTests
{
    private const string Building = "building academy-sandbox...\n";

    private const string StandInDotnet = """
        #!/usr/bin/env bash
        here="$(dirname "$0")"
        if [[ "$1" == publish ]]; then
          echo "$*" >>"$here/builds"
          pwd -P >"$here/build-folder"
          while (($# > 0)); do if [[ "$1" == -o ]]; then out="$2"; fi; if [[ "$1" == --artifacts-path ]]; then work="$2"; fi; shift; done
          mkdir -p "$work/obj"
          # A build as slow as a first one on a busy machine, in dotnet's own words and stages.
          if [[ -f "$here/slow-build" ]]; then
            echo "  Determining projects to restore..."; sleep 3
            echo "  Academy.Catalog -> $work/bin/Academy.Catalog/release/Academy.Catalog.dll"; sleep 5
          fi
          if [[ -f "$here/break-the-build" ]]; then echo "Broken.cs(1,50): error CS1001: Identifier expected"; exit 1; fi
          mkdir -p "$out" && echo built >"$out/academy-sandbox.dll"
          exit 0
        fi
        echo "ran $*"
        """;

    [Test]
    public async Task TheFirstRunBuildsSayingSoOnceAndTheSecondRunsWithoutBuilding()
    {
        using var checkout = NewCheckout();

        var first = await RunAsync(checkout, "plan", "--user", "ada");
        var second = await RunAsync(checkout, "plan", "--user", "ada");

        Assert.Multiple(() =>
        {
            Assert.That(first.ExitCode, Is.Zero, first.Error);
            Assert.That(first.Error, Is.EqualTo(Building));
            Assert.That(first.Output, Is.EqualTo($"ran {checkout.Resolve(".artifacts/sandbox/academy-sandbox.dll")} plan --user ada\n"));
            Assert.That(second.ExitCode, Is.Zero, second.Error);
            Assert.That(second.Error, Is.Empty, "nothing changed, so nothing is built");
            Assert.That(second.Output, Is.EqualTo(first.Output));
            Assert.That(Builds(checkout), Has.Length.EqualTo(1));
        });
    }

    [TestCase("infra/Academy.Catalog/Academy.Catalog.csproj")]
    [TestCase("seed/Academy.Sandbox/Program.cs")]
    [TestCase("Directory.Packages.props")]
    [TestCase("Directory.Build.props")]
    public async Task ATouchedSourceIsBuiltAgain(string source)
    {
        using var checkout = NewCheckout();
        await RunAsync(checkout, "plan");

        File.SetLastWriteTimeUtc(checkout.Resolve(source), DateTime.UtcNow);
        var run = await RunAsync(checkout, "plan");

        Assert.That(run.Error, Is.EqualTo(Building), $"{source} changed");
        Assert.That(Builds(checkout), Has.Length.EqualTo(2));
    }

    [Test]
    public async Task AnAddedOrRemovedSourceIsBuiltAgainEvenWithAnOldTime()
    {
        using var checkout = NewCheckout();
        await RunAsync(checkout, "plan");
        var added = checkout.Resolve("seed/Academy.Sandbox/Added.cs");
        File.WriteAllText(added, "namespace Academy.Sandbox;");
        File.SetLastWriteTimeUtc(added, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        var afterAdding = await RunAsync(checkout, "plan");
        File.Delete(added);
        var afterRemoving = await RunAsync(checkout, "plan");

        Assert.That(afterAdding.Error, Is.EqualTo(Building));
        Assert.That(afterRemoving.Error, Is.EqualTo(Building));
        Assert.That(Builds(checkout), Has.Length.EqualTo(3));
    }

    [TestCase("Directory.Build.targets")]
    [TestCase("infra/Academy.Catalog/Items/Added/Nested.cs")]
    [TestCase("seed/Directory.Build.props")]
    [TestCase("infra/Directory.Build.targets")]
    [TestCase("Directory.Build.rsp")]
    [TestCase("NuGet.config")]
    [TestCase("seed/nuget.config")]
    [TestCase("infra/Academy.Catalog/NuGet.Config")]
    [TestCase("seed/Academy.Sandbox/Upper.CS")]
    [TestCase("seed/Academy.Sandbox/Academy.Sandbox.csproj.user")]
    [TestCase(".editorconfig")]
    [TestCase("infra/Academy.Catalog/.editorconfig")]
    public async Task AnAddedFileInAFolderOrAtTheRootIsBuiltAgainEvenWithAnOldTime(string source)
    {
        using var checkout = NewCheckout();
        await RunAsync(checkout, "plan");
        var added = checkout.Resolve(source);
        Directory.CreateDirectory(Path.GetDirectoryName(added)!);
        File.WriteAllText(added, "<Project />");
        File.SetLastWriteTimeUtc(added, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        var run = await RunAsync(checkout, "plan");
        var again = await RunAsync(checkout, "plan");

        Assert.That((run.Error, again.Error), Is.EqualTo((Building, "")));
        Assert.That(Builds(checkout), Has.Length.EqualTo(2));
    }

    // What `cp -p`, `tar x` or `rsync -t` leave: new content under the file's old modification time.
    [TestCase("seed/Academy.Sandbox/Program.cs")]
    [TestCase("Directory.Build.props")]
    public async Task AnEditedSourceThatKeptItsOldTimeIsBuiltAgain(string source)
    {
        using var checkout = NewCheckout();
        var path = checkout.Resolve(source);
        var old = File.GetLastWriteTimeUtc(path);
        await RunAsync(checkout, "plan");

        File.AppendAllText(path, "\n");
        File.SetLastWriteTimeUtc(path, old);
        var run = await RunAsync(checkout, "plan");

        Assert.That(run.Error, Is.EqualTo(Building), $"{source} has new content");
        Assert.That(Builds(checkout), Has.Length.EqualTo(2));
    }

    // MSBuild compiles a symlinked source from its target, so an edit of the target is a change.
    [Test]
    public async Task AnEditedTargetOfASymlinkedSourceIsBuiltAgain()
    {
        using var checkout = NewCheckout();
        var target = checkout.Resolve("shared/Linked.cs");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, "namespace Academy.Sandbox;");
        File.CreateSymbolicLink(checkout.Resolve("seed/Academy.Sandbox/Linked.cs"), target);
        await RunAsync(checkout, "plan");

        File.AppendAllText(target, "\n");
        var run = await RunAsync(checkout, "plan");

        Assert.That(run.Error, Is.EqualTo(Building));
        Assert.That(Builds(checkout), Has.Length.EqualTo(2));
    }

    // A link pointed at another target, older than the build, is a change all the same: of a
    // source, and of a watched folder.
    [TestCase("seed/Academy.Sandbox/Linked.cs", false)]
    [TestCase("infra/Academy.Catalog", true)]
    public async Task ASymlinkPointedAtAnOlderTargetIsBuiltAgain(string link, bool folder)
    {
        using var checkout = NewCheckout();
        var (first, second) = (checkout.Resolve("targets/first"), checkout.Resolve("targets/second"));
        Directory.CreateDirectory(Path.GetDirectoryName(first)!);
        if (folder)
        {
            Directory.Move(checkout.Resolve(link), first);
            CopyTree(first, second);
        }
        else
        {
            File.WriteAllText(first, "namespace Academy.Sandbox;");
            File.WriteAllText(second, "namespace Academy.Sandbox; // the other one");
        }

        Link(checkout.Resolve(link), first, folder);
        await RunAsync(checkout, "plan");

        File.Delete(checkout.Resolve(link)); // the link, not its target
        Link(checkout.Resolve(link), second, folder);
        var run = await RunAsync(checkout, "plan");

        Assert.That(run.Error, Is.EqualTo(Building));
        Assert.That(Builds(checkout), Has.Length.EqualTo(2));
    }

    private static void Link(string path, string target, bool folder)
    {
        if (folder)
        {
            Directory.CreateSymbolicLink(path, target);
        }
        else
        {
            File.CreateSymbolicLink(path, target);
        }
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            File.SetLastWriteTimeUtc(target, File.GetLastWriteTimeUtc(file));
        }
    }

    // The list of sources is one name per line: a name holding a newline once split into a find
    // option, and from then on no change was ever seen.
    [Test]
    public async Task AFileNameWithANewlineDoesNotStopChangesFromBeingSeen()
    {
        using var checkout = NewCheckout();
        File.WriteAllText(checkout.Resolve("seed/Academy.Sandbox/notes\n-x.props"), "");
        await RunAsync(checkout, "plan");

        File.AppendAllText(checkout.Resolve("seed/Academy.Sandbox/Program.cs"), "\n");
        var run = await RunAsync(checkout, "plan");
        var again = await RunAsync(checkout, "plan");

        Assert.That((run.ExitCode, run.Error, again.Error), Is.EqualTo((0, Building, "")));
        Assert.That(Builds(checkout), Has.Length.EqualTo(2));
    }

    // dotnet takes its SDK from the global.json of the folder it starts in: the checkout's, not the user's.
    [Test]
    public async Task TheBuildRunsInTheCheckoutWhereverTheUserStands()
    {
        using var checkout = NewCheckout();
        var elsewhere = Directory.CreateTempSubdirectory("academy-elsewhere-").FullName;
        try
        {
            var run = await ScriptProcess.RunAsync(elsewhere, checkout.Resolve("bin/academy-sandbox"), ["plan"],
                new Dictionary<string, string> { ["PATH"] = checkout.SearchPath });

            Assert.That(run.Error, Is.EqualTo(Building));
            Assert.That(File.ReadAllText(checkout.Resolve("stand-ins/build-folder")).Trim(), Is.EqualTo(checkout.Root));
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Test]
    public async Task StartedWithShTheLauncherRunsUnderBash()
    {
        using var checkout = NewCheckout();
        var start = new System.Diagnostics.ProcessStartInfo("sh") { WorkingDirectory = checkout.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("bin/academy-sandbox");
        start.ArgumentList.Add("plan");
        start.Environment["PATH"] = checkout.SearchPath;
        start.Environment["ACADEMY_SANDBOX_BUILD"] = "jit";
        using var process = System.Diagnostics.Process.Start(start)!;
        var (output, error) = (process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        await process.WaitForExitAsync();

        Assert.That((process.ExitCode, await error), Is.EqualTo((0, Building)));
        Assert.That(await output, Does.StartWith("ran "));
    }

    // However the launcher is reached, it runs its own checkout's build, and the same build: a path
    // spelled another way is not a change of sources.
    [TestCase("link")]
    [TestCase("linked-folder")]
    [TestCase("./bin/academy-sandbox")]
    [TestCase("bin//academy-sandbox")]
    [TestCase("bin/academy-sandbox")]
    [TestCase("../bin/academy-sandbox")]
    [TestCase("absolute")]
    public async Task TheLauncherRunsItsOwnCheckoutsBuildHoweverItIsStarted(string how)
    {
        using var checkout = NewCheckout();
        Assert.That((await RunAsync(checkout, "plan")).ExitCode, Is.Zero);
        var elsewhere = Directory.CreateTempSubdirectory("academy-launcher-").FullName;
        try
        {
            var link = Path.Combine(elsewhere, "academy-sandbox");
            File.CreateSymbolicLink(link, checkout.Resolve("bin/academy-sandbox"));
            Directory.CreateSymbolicLink(Path.Combine(elsewhere, "tools"), checkout.Resolve("bin"));
            var (directory, file) = how switch
            {
                "link" => (elsewhere, link),
                "linked-folder" => (elsewhere, "tools/academy-sandbox"),
                "absolute" => (elsewhere, checkout.Resolve("bin/academy-sandbox")),
                "../bin/academy-sandbox" => (checkout.Resolve("seed"), how),
                _ => (checkout.Root, how),
            };

            // An exported CDPATH (some shells' profiles set one) must not send the launcher elsewhere.
            var run = await ScriptProcess.RunAsync(directory, file, ["plan"], new Dictionary<string, string> { ["PATH"] = checkout.SearchPath, ["CDPATH"] = ".:" + elsewhere });

            Assert.That(run.Error, Is.Empty, "the build of the first run is this run's too");
            Assert.That(run.Output, Is.EqualTo($"ran {new DirectoryInfo(checkout.Root).ResolveLinkTarget(true)?.FullName ?? checkout.Root}/.artifacts/sandbox/academy-sandbox.dll plan\n"));
            Assert.That(Builds(checkout), Has.Length.EqualTo(1));
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Test]
    public async Task AFileThatIsNotASourceAddedToASourceFolderBuildsNothing()
    {
        using var checkout = NewCheckout();
        await RunAsync(checkout, "plan");
        File.WriteAllText(checkout.Resolve("seed/Academy.Sandbox/notes.txt"), "todo");
        Directory.CreateDirectory(checkout.Resolve("seed/Academy.Sandbox/obj"));

        var run = await RunAsync(checkout, "plan");

        Assert.That(run.Error, Is.Empty);
        Assert.That(Builds(checkout), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task ASlowBuildSaysEveryFewSecondsThatItStillRunsAndWhatItHasCompiledOnStderr()
    {
        using var checkout = NewCheckout();
        await RunAsync(checkout, "plan");
        File.WriteAllText(checkout.Resolve("stand-ins/slow-build"), "");
        File.SetLastWriteTimeUtc(checkout.Resolve("seed/Academy.Sandbox/Program.cs"), DateTime.UtcNow);

        var run = await RunAsync(checkout, "plan", "--json");

        var progress = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Error);
            Assert.That(run.Error, Does.StartWith(Building));
            Assert.That(progress, Is.Not.Empty, "an 8-second build says it still runs");
            Assert.That(progress, Is.All.Match(@"^academy-sandbox: still building \(\d+ s\): (restoring the packages|compiled Academy\.Catalog)$"));
            Assert.That(progress, Has.Some.Match(@"compiled Academy\.Catalog$"), "what the build has got to");
            Assert.That(run.Output, Is.EqualTo($"ran {checkout.Resolve(".artifacts/sandbox/academy-sandbox.dll")} plan --json\n"), "stdout is the command's alone");
        });
    }

    [Test]
    public async Task AFailedBuildShowsItsLogRunsNothingAndIsTriedAgainNextTime()
    {
        using var checkout = NewCheckout();
        File.WriteAllText(checkout.Resolve("stand-ins/break-the-build"), "");

        var failed = await RunAsync(checkout, "plan");
        var again = await RunAsync(checkout, "plan");

        Assert.Multiple(() =>
        {
            Assert.That(failed.ExitCode, Is.EqualTo(ExitCodes.Failed), "a failed build is not drift");
            Assert.That(failed.Error, Is.EqualTo(Building + "Broken.cs(1,50): error CS1001: Identifier expected\n"
                + "academy-sandbox: the build failed (log above, also in .artifacts/sandbox/build.log)\n"));
            Assert.That(failed.Output, Is.Empty, "nothing runs after a failed build");
            Assert.That(again.Error, Does.StartWith(Building), "a failed build does not count as built");
            Assert.That(Directory.Exists(checkout.Resolve(".artifacts/sandbox-build/obj")), Is.True, "a compiler error leaves nothing half-written, so the next build is incremental");
            Assert.That(Builds(checkout), Has.Length.EqualTo(2));
        });
    }

    [Test]
    public async Task TheBuildIsTheReadyToRunReleasePublishOfTheSandboxProjectIntoTheArtifactsFolder()
    {
        using var checkout = NewCheckout();

        await RunAsync(checkout, "plan");

        Assert.That(Builds(checkout).Single(), Is.EqualTo(
            $"publish {checkout.Resolve("seed/Academy.Sandbox/Academy.Sandbox.csproj")} -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true "
            + $"--artifacts-path {checkout.Resolve(".artifacts/sandbox-build")} -o {checkout.Resolve(".artifacts/sandbox")} -nologo"));
    }

    [Test]
    public async Task AfterAnInterruptedBuildEverythingIsBuiltAgainNotIncrementally()
    {
        using var checkout = NewCheckout();
        Directory.CreateDirectory(checkout.Resolve(".artifacts/sandbox"));
        File.WriteAllText(checkout.Resolve(".artifacts/sandbox/.building"), "");
        Directory.CreateDirectory(checkout.Resolve(".artifacts/sandbox-build/obj"));
        File.WriteAllText(checkout.Resolve(".artifacts/sandbox-build/obj/half-written.dll"), "");

        await RunAsync(checkout, "plan");
        File.WriteAllText(checkout.Resolve(".artifacts/sandbox-build/obj/kept.dll"), "");
        await RunAsync(checkout, "plan");
        File.SetLastWriteTimeUtc(checkout.Resolve("seed/Academy.Sandbox/Program.cs"), DateTime.UtcNow);
        await RunAsync(checkout, "plan");

        Assert.That(Builds(checkout), Has.Length.EqualTo(2));
        Assert.That(File.Exists(checkout.Resolve(".artifacts/sandbox-build/obj/half-written.dll")), Is.False, "the build after an interrupted one starts from nothing");
        Assert.That(File.Exists(checkout.Resolve(".artifacts/sandbox-build/obj/kept.dll")), Is.True, "a later build is incremental again");
    }

    private static ScratchCheckout NewCheckout()
    {
        var checkout = new ScratchCheckout();
        checkout.WriteExecutable("stand-ins/dotnet", StandInDotnet);
        return checkout;
    }

    private static string[] Builds(ScratchCheckout checkout) =>
        File.Exists(checkout.Resolve("stand-ins/builds")) ? File.ReadAllLines(checkout.Resolve("stand-ins/builds")) : [];

    private static Task<CliRun> RunAsync(ScratchCheckout checkout, params string[] args) =>
        ScriptProcess.RunAsync(checkout.Root, "bin/academy-sandbox", args, new Dictionary<string, string> { ["PATH"] = checkout.SearchPath });
}
