using System.CommandLine;
using Academy.Sandbox.Engine;

namespace Academy.Sandbox.Cli;

/// <summary>The options that choose the engine: the local one (or another endpoint) or DynamoDB in AWS.</summary>
public sealed class TargetOptions
{
    public Option<string?> Endpoint { get; } = new("--endpoint")
    {
        Description = $"DynamoDB endpoint, an http:// or https:// URL (default: the local engine, {EngineTarget.DefaultEndpoint}; the port follows ${EngineTarget.PortVariable})",
        HelpName = "url",
        Validators =
        {
            result =>
            {
                if (EndpointUrl.Problem(result.Tokens.Count == 1 ? result.Tokens[0].Value : "") is { } problem)
                {
                    result.AddError(problem);
                }
            },
        },
    };

    public Option<bool> Aws { get; } = new("--aws")
    {
        Description = "Use DynamoDB in AWS with the default credential chain and region instead of the local engine",
    };

    public IEnumerable<Option> All => [Endpoint, Aws];

    /// <summary>For a command that works offline unless given --endpoint or --aws (plan): no engine, and no port check, without them.</summary>
    public bool Optional { get; init; }

    public void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            if (UsageErrors.UnreadableOption(result))
            {
                return;
            }

            if (result.GetValue(Aws) && result.GetValue(Endpoint) is not null)
            {
                result.AddError("--endpoint and --aws exclude each other: --aws means DynamoDB in AWS");
            }
            else if (!Optional && !result.GetValue(Aws) && result.GetValue(Endpoint) is null && EngineTarget.PortProblem() is { } problem)
            {
                result.AddError(problem);
            }
        });
    }

    /// <summary>The engine chosen; null only for an <see cref="Optional"/> target that was not given.</summary>
    public EngineTarget? Resolve(ParseResult result) =>
        result.GetValue(Aws) ? EngineTarget.Aws()
        : Optional && result.GetValue(Endpoint) is null ? null
        : EngineTarget.Local(result.GetValue(Endpoint));
}
