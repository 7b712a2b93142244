using System.CommandLine;
using Academy.Sandbox.Engine;

namespace Academy.Sandbox.Cli;

/// <summary>The options that choose the engine: the local one (or another endpoint) or DynamoDB in AWS.</summary>
public sealed class TargetOptions
{
    public Option<string?> Endpoint { get; } = new("--endpoint")
    {
        Description = $"DynamoDB endpoint URL (default: the local engine, {EngineTarget.DefaultEndpoint}; the port follows ${EngineTarget.PortVariable})",
        HelpName = "url",
    };

    public Option<bool> Aws { get; } = new("--aws")
    {
        Description = "Use DynamoDB in AWS with the default credential chain and region instead of the local engine",
    };

    public IEnumerable<Option> All => [Endpoint, Aws];

    public void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            if (result.GetValue(Aws) && result.GetValue(Endpoint) is not null)
            {
                result.AddError("--endpoint and --aws exclude each other: --aws means DynamoDB in AWS");
            }
        });
    }

    public EngineTarget Resolve(ParseResult result) =>
        result.GetValue(Aws) ? EngineTarget.Aws() : EngineTarget.Local(result.GetValue(Endpoint));
}
