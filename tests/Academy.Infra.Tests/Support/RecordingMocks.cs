using System.Collections.Concurrent;
using System.Collections.Immutable;
using Pulumi.Testing;

namespace Academy.Infra.Tests.Support;

/// <summary>
/// A mocked engine that records every resource the program registers and answers with the inputs
/// plus an ARN, so outputs that hang on other resources (table ARN to policy document, policy ARN
/// to attachment) resolve as they would in a deployment.
/// </summary>
public sealed class RecordingMocks : IMocks
{
    public const string Account = "123456789012";
    public const string Region = "eu-central-1";

    private readonly ConcurrentQueue<MockResourceArgs> _resources = new();
    private readonly ConcurrentQueue<string> _calls = new();

    public IReadOnlyList<MockResourceArgs> Resources => [.. _resources];

    /// <summary>Tokens of every invoke or call; the program uses none (its policies are built from table ARNs).</summary>
    public IReadOnlyList<string> Calls => [.. _calls];

    public static string TableArn(string tableName) => $"arn:aws:dynamodb:{Region}:{Account}:table/{tableName}";

    public static string PolicyArn(string policyName) => $"arn:aws:iam::{Account}:policy/{policyName}";

    public IReadOnlyList<MockResourceArgs> OfType(string type) => Resources.Where(r => r.Type == type).ToList();

    public MockResourceArgs Single(string type, string name) => Resources.Single(r => r.Type == type && r.Name == name);

    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        _resources.Enqueue(args);
        var state = args.Inputs.ContainsKey("arn") ? args.Inputs : args.Inputs.Add("arn", ArnOf(args));
        return Task.FromResult<(string? id, object state)>(($"{args.Name}-id", state));
    }

    public Task<object> CallAsync(MockCallArgs args)
    {
        _calls.Enqueue(args.Token ?? "");
        return Task.FromResult<object>(ImmutableDictionary<string, object>.Empty);
    }

    private static string ArnOf(MockResourceArgs args) => args.Type switch
    {
        ResourceTypes.Table => TableArn(args.Inputs.TryGetValue("name", out var name) ? (string)name : args.Name ?? ""),
        ResourceTypes.Policy => PolicyArn(args.Name ?? ""),
        _ => $"arn:aws:mock::{Account}:{args.Type}/{args.Name}",
    };
}
