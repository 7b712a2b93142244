using Academy.Sandbox.Cli;

namespace Academy.Sandbox.Adopt;

/// <summary>
/// The other tools' commands adopt suggests (the AWS CLI, the Pulumi CLI), aimed where adopt looked:
/// the engine's endpoint (else the AWS CLI's own default account and region, as --aws) and the
/// learner's stack, so a pasted line changes the table adopt compared, not one in AWS or another stack.
/// </summary>
public sealed record PeerCommands(string? Endpoint, string? Stack)
{
    public static PeerCommands None { get; } = new(null, null);

    /// <summary>`aws dynamodb OPERATION ARGS` with --endpoint-url when adopt read a local or given endpoint.</summary>
    public string Aws(string operation, string arguments) =>
        $"aws dynamodb {operation}" + (Endpoint is null ? "" : $" {string.Join(' ', Hints.OptionWords("--endpoint-url", Endpoint))}") + $" {arguments}";

    /// <summary>`pulumi config set` with --stack when adopt was given the learner's stack.</summary>
    public string PulumiConfigSet(string arguments) =>
        "pulumi config set" + (Stack is null ? "" : $" {string.Join(' ', Hints.OptionWords("--stack", Stack))}") + $" {arguments}";
}
