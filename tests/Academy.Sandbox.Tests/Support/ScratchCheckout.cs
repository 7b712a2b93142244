namespace Academy.Sandbox.Tests.Support;

/// <summary>
/// A copy of the parts of this checkout the scripts use (scripts, the launcher, the engine script, the
/// CLI and catalog sources, seed data), without any build or node_modules, so a test can watch a script
/// build or install from nothing, or change a source, without touching the real checkout.
/// </summary>
public sealed class ScratchCheckout : IDisposable
{
    private static readonly string[] Files =
    [
        "Pulumi.yaml", "Directory.Build.props", "Directory.Packages.props", "global.json", "bin/academy-sandbox",
        "scripts/sandbox.sh", "seed/tables.json", "seed/engine/engine.sh", "seed/engine/probe.js",
        "seed/engine/package.json", "seed/engine/package-lock.json",
    ];

    private static readonly string[] Trees = ["seed/items", "seed/Academy.Sandbox", "infra/Academy.Catalog"];

    /// <param name="linkEngine">Link seed/engine/node_modules to the real one, so the engine script can start dynalite.</param>
    public ScratchCheckout(bool linkEngine = false)
    {
        Root = Directory.CreateTempSubdirectory("academy-checkout-").FullName;
        foreach (var file in Files)
        {
            Copy(file);
        }

        foreach (var tree in Trees)
        {
            foreach (var file in Directory.EnumerateFiles(LocalEngine.Repo.Resolve(tree), "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(LocalEngine.Repo.Root, file);
                if (!relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                {
                    Copy(relative);
                }
            }
        }

        if (linkEngine)
        {
            Directory.CreateSymbolicLink(Resolve("seed/engine/node_modules"), LocalEngine.Repo.Resolve("seed/engine/node_modules"));
        }

        // npm must never run here: with a linked node_modules it would reinstall the real one. Scripts
        // find this stand-in first on PATH; it records that it ran and fails.
        Directory.CreateDirectory(Resolve("stand-ins"));
        WriteExecutable("stand-ins/npm", "#!/usr/bin/env bash\necho \"npm $*\" >>\"$(dirname \"$0\")/npm.ran\"\nexit 1\n");
    }

    public string Root { get; }

    /// <summary>PATH with the stand-ins first.</summary>
    public string SearchPath => Resolve("stand-ins") + ":" + Environment.GetEnvironmentVariable("PATH");

    public string Resolve(string relative) => Path.Combine(Root, relative);

    public void WriteExecutable(string relative, string content)
    {
        File.WriteAllText(Resolve(relative), content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Resolve(relative), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public void Dispose()
    {
        var link = new FileInfo(Resolve("seed/engine/node_modules"));
        if (link.LinkTarget is not null)
        {
            link.Delete();
        }

        Directory.Delete(Root, recursive: true);
    }

    // Times are kept: the engine script compares package-lock.json with the installed one by time.
    private void Copy(string relative)
    {
        var from = LocalEngine.Repo.Resolve(relative);
        var to = Resolve(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(to, File.GetUnixFileMode(from));
        }

        File.SetLastWriteTimeUtc(to, File.GetLastWriteTimeUtc(from));
    }
}
