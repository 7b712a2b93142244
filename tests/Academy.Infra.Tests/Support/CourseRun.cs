using System.Collections.Immutable;
using Academy.Catalog.Roster;
using Academy.Catalog.Settings;
using Pulumi;
using Pulumi.Testing;

namespace Academy.Infra.Tests.Support;

/// <summary>Runs the course program (<see cref="CourseStack"/>) against <see cref="RecordingMocks"/>.</summary>
public static class CourseRun
{
    public const string Stack = "course";

    /// <summary>A run with academy:roster set to <paramref name="roster"/> (relative to the project, or absolute).</summary>
    public static async Task<(RecordingMocks Mocks, ImmutableArray<Resource> Resources)> RunAsync(
        string roster, IReadOnlyDictionary<string, string>? config = null, RecordingMocks? mocks = null)
    {
        mocks ??= new RecordingMocks();
        var values = new Dictionary<string, string>(config ?? new Dictionary<string, string>()) { [ConfigKeys.Roster.FullKey] = roster };
        using (new StackConfig(values, null))
        {
            var resources = await Deployment.TestAsync<CourseStack>(mocks, PulumiRun.Options(Stack));
            return (mocks, resources);
        }
    }

    /// <summary>What the course should declare, built by the catalog library from the same config.</summary>
    public static CourseCatalog Expected(string roster) =>
        CourseBuilder.Build(
            new DictionaryConfigSource(Stack, new Dictionary<string, string> { [ConfigKeys.Roster.FullKey] = roster }),
            Support.Expected.Repo);
}
