using Academy.Catalog.Errors;
using Academy.Catalog.Roster;
using Academy.Catalog.Settings;
using Academy.Catalog.Tests.Support;

namespace Academy.Catalog.Tests.Roster;

/// <summary>A scratch project with a roster file in it, built as a course stack would build it.</summary>
internal static class RosterScratch
{
    public const string File = "course/roster.yaml";

    public static CourseCatalog Build(ScratchProject project, string roster, Dictionary<string, string>? config = null, IEnumerable<string>? secretKeys = null)
    {
        project.Write(File, roster);
        return Course(project, config, secretKeys);
    }

    public static CourseCatalog Course(ScratchProject project, Dictionary<string, string>? config = null, IEnumerable<string>? secretKeys = null)
    {
        var values = new Dictionary<string, string>(config ?? []);
        values.TryAdd(ConfigKeys.Roster.Name, File);
        return CourseBuilder.Build(new DictionaryConfigSource("course", values, secretKeys), project.Paths);
    }

    /// <summary>A complete, disabled job item (the seed's first job) under another name, as one line of JSON, which YAML reads too.</summary>
    public static string Job(string name)
    {
        var jobs = System.Text.Json.Nodes.JsonNode.Parse(System.IO.File.ReadAllText(TestProject.Repo.Resolve("seed/items/jobs.json")))!.AsArray();
        var job = jobs[0]!.DeepClone();
        job["name"] = name;
        job["enabled"] = false; // not in the global item's jobs list, which is fine only for a disabled job
        return job.ToJsonString();
    }

    /// <summary>Every problem a course build that must fail reported, as the lines a user reads.</summary>
    public static IReadOnlyList<string> Failures(ScratchProject project, string roster, Dictionary<string, string>? config = null)
    {
        var e = Assert.Throws<CatalogException>(() => Build(project, roster, config))!;
        return e.Errors.Select(x => x.ToString()).ToList();
    }
}
