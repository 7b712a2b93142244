using Academy.Sandbox.Cli;

namespace Academy.Sandbox.Adopt;

/// <summary>
/// The other tools' commands adopt suggests (the AWS CLI, the Pulumi CLI), aimed where adopt looked:
/// the engine's endpoint (else the AWS CLI's own default account and region, as --aws) and the
/// learner's stack and the project adopt read (--project, as typed, is Pulumi's --cwd), so a pasted line
/// changes the table adopt compared, not one in AWS, another stack or whatever project holds the shell's folder.
/// </summary>
public sealed record PeerCommands(string? Endpoint, string? Stack, string? Project = null)
{
    public static PeerCommands None { get; } = new(null, null);

    /// <summary>`aws dynamodb OPERATION ARGS` with --endpoint-url when adopt read a local or given endpoint.</summary>
    public string Aws(string operation, string arguments) =>
        $"aws dynamodb {operation}" + (Endpoint is null ? "" : $" {string.Join(' ', Hints.OptionWords("--endpoint-url", Endpoint))}") + $" {arguments}";

    /// <summary>`pulumi config set` with --stack when adopt was given the learner's stack.</summary>
    public string PulumiConfigSet(string arguments) => Pulumi("config set", arguments);

    /// <summary>`pulumi COMMAND [--stack S] [--cwd P] ARGS`, with the flags adopt was given (--stack, --project).</summary>
    public string Pulumi(string command, string arguments = "")
    {
        string[] words =
        [
            "pulumi", command,
            .. Stack is null ? [] : Hints.OptionWords("--stack", Stack),
            .. Project is null ? [] : Hints.OptionWords("--cwd", Project),
            .. arguments.Length == 0 ? [] : new[] { arguments },
        ];
        return string.Join(' ', words);
    }
}
