using System.CommandLine;
using Academy.Sandbox.Engine;

namespace Academy.Sandbox.Cli;

/// <summary>The options commands share, one instance each so every command reads them alike.</summary>
public sealed class SandboxOptions
{
    public Option<string?> Stack { get; } = new("--stack")
    {
        Description = "Read academy:* config from Pulumi.<stack>.yaml in the project root (default: no stack file, every key at its default, learner 'sandbox')",
    };

    public Option<string?> User { get; } = new("--user")
    {
        Description = "Learner name; overrides academy:user",
    };

    public Option<string?> Project { get; } = new("--project")
    {
        Description = "A folder inside the academy project (default: the current folder); Pulumi.yaml is looked up from there",
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print JSON instead of text",
    };

    public Option<string?> Endpoint { get; } = new("--endpoint")
    {
        Description = $"DynamoDB endpoint URL (default: the local engine, {EngineTarget.DefaultEndpoint}; the port follows ${EngineTarget.PortVariable})",
    };

    public Option<bool> Aws { get; } = new("--aws")
    {
        Description = "Use DynamoDB in AWS with the default credential chain and region instead of the local engine",
    };

    public Option<bool> Prune { get; } = new("--prune")
    {
        Description = "Delete items the catalog does not declare (without it they are kept and listed)",
    };

    public Option<int> Concurrency { get; } = new("--concurrency")
    {
        Description = "BatchWriteItem requests in flight at once",
        DefaultValueFactory = _ => 4,
    };

    public void AddCatalogOptions(Command command)
    {
        command.Options.Add(Stack);
        command.Options.Add(User);
        command.Options.Add(Project);
    }

    public void AddTargetOptions(Command command)
    {
        command.Options.Add(Endpoint);
        command.Options.Add(Aws);
        command.Validators.Add(result =>
        {
            if (result.GetValue(Aws) && result.GetValue(Endpoint) is not null)
            {
                result.AddError("--endpoint and --aws exclude each other: --aws means DynamoDB in AWS");
            }
        });
    }

    public EngineTarget Target(ParseResult result) =>
        result.GetValue(Aws) ? EngineTarget.Aws() : EngineTarget.Local(result.GetValue(Endpoint));
}
