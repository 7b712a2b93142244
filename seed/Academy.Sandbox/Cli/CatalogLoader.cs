using System.CommandLine;
using Academy.Catalog;
using Academy.Catalog.Project;
using Academy.Catalog.Settings;
using Academy.Sandbox.Config;

namespace Academy.Sandbox.Cli;

/// <summary>Builds the catalog through <see cref="CatalogBuilder"/>, exactly as the Pulumi program does, from the chosen config source.</summary>
public static class CatalogLoader
{
    /// <summary>The stack name used when no --stack is given, so the default learner's tables are sandbox-academy-*.</summary>
    public const string DefaultStack = "sandbox";

    public static (Academy.Catalog.Catalog Catalog, string Source) Load(ParseResult result, SandboxOptions options, TextWriter error)
    {
        var start = result.GetValue(options.Project) ?? Environment.CurrentDirectory;
        ProjectPaths paths;
        try
        {
            paths = ProjectPaths.Find(start);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new SandboxException($"error: {e.Message}", ExitCodes.CatalogInvalid);
        }

        var stack = result.GetValue(options.Stack);
        IConfigSource config;
        string source;
        if (stack is null)
        {
            config = new DictionaryConfigSource(DefaultStack);
            source = "no --stack: every config key at its default";
        }
        else
        {
            var file = StackFileConfigSource.Load(paths, stack);
            foreach (var warning in file.Warnings)
            {
                error.WriteLine($"warning: {warning}");
            }

            config = file;
            source = $"config from Pulumi.{stack}.yaml";
        }

        if (result.GetValue(options.User) is { } user)
        {
            config = new UserOverrideConfigSource(config, user);
            source += ", --user " + user;
        }

        return (CatalogBuilder.Build(config, paths), source);
    }
}
