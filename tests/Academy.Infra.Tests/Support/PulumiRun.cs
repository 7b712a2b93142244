using System.Collections.Immutable;
using Pulumi;
using Pulumi.Testing;

namespace Academy.Infra.Tests.Support;

/// <summary>Runs the whole program, or one component, against <see cref="RecordingMocks"/>.</summary>
public static class PulumiRun
{
    public const string Project = "academy";

    public const string Stack = "alice";

    // IsPreview false: in a preview, inputs still unknown (a table's name as seen by its items) are left out.
    public static TestOptions Options(string stack = Stack) =>
        new() { ProjectName = Project, StackName = stack, IsPreview = false };

    /// <summary>Config keys are given in full (academy:user); secret keys likewise.</summary>
    public static async Task<StackRun> StackAsync(
        IReadOnlyDictionary<string, string>? config = null,
        IEnumerable<string>? secretKeys = null,
        RecordingMocks? mocks = null,
        string stack = Stack)
    {
        mocks ??= new RecordingMocks();
        using (new StackConfig(config, secretKeys))
        {
            var resources = await Deployment.TestAsync<AcademyStack>(mocks, Options(stack));
            return new StackRun(mocks, resources);
        }
    }
}

/// <summary>What one run registered: as the mocked engine saw it, and as the program's objects.</summary>
public sealed record StackRun(RecordingMocks Mocks, ImmutableArray<Resource> Resources)
{
    public AcademyStack Stack => Resources.OfType<AcademyStack>().Single();

    public LearnerTables Learner => Resources.OfType<LearnerTables>().Single();
}
