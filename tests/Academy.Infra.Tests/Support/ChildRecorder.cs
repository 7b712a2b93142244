using System.Collections.Concurrent;
using Pulumi;
using LearnerCatalog = Academy.Catalog.Catalog;

namespace Academy.Infra.Tests.Support;

/// <summary>
/// Builds one <see cref="LearnerTables"/> under the mocks and records what it handed each child:
/// the args (as Outputs, whose secretness a mocked engine never sees) and the options. A
/// transformation on the component is handed both for every child before it is registered.
/// </summary>
public sealed class ChildRecorder
{
    private readonly ConcurrentDictionary<string, ResourceTransformationArgs> _children = new();

    public LearnerTables? Learner { get; private set; }

    public RecordingMocks Mocks { get; } = new();

    public static async Task<ChildRecorder> BuildAsync(LearnerCatalog catalog)
    {
        var recorder = new ChildRecorder();
        await Deployment.TestAsync(recorder.Mocks, PulumiRun.Options(), () =>
        {
            recorder.Learner = new LearnerTables(AcademyStack.ComponentName, catalog,
                new ComponentResourceOptions { ResourceTransformations = { recorder.Record } });
            return new Dictionary<string, object?>();
        });
        return recorder;
    }

    public IReadOnlyList<string> Names(string type) =>
        _children.Keys.Where(k => k.StartsWith(type + "::", StringComparison.Ordinal)).Select(k => k[(type.Length + 2)..]).Order(StringComparer.Ordinal).ToList();

    public T Args<T>(string type, string name)
        where T : ResourceArgs => (T)_children[$"{type}::{name}"].Args;

    public CustomResourceOptions Options(string type, string name) => (CustomResourceOptions)_children[$"{type}::{name}"].Options;

    private ResourceTransformationResult? Record(ResourceTransformationArgs args)
    {
        _children[$"{args.Resource.GetResourceType()}::{args.Resource.GetResourceName()}"] = args;
        return null;
    }
}
