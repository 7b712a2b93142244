using System.Text.Json;

namespace Academy.Infra.Tests.Support;

/// <summary>
/// Sets the two variables through which Pulumi hands a program its config (PULUMI_CONFIG, an object
/// of full keys; PULUMI_CONFIG_SECRET_KEYS, an array of the secret ones) for one run, and puts back
/// what was there before. Process-wide, so the fixtures that use it are not run in parallel.
/// </summary>
public sealed class StackConfig : IDisposable
{
    private readonly string? _config = Environment.GetEnvironmentVariable(PulumiConfigSource.ConfigVariable);
    private readonly string? _secretKeys = Environment.GetEnvironmentVariable(PulumiConfigSource.SecretKeysVariable);

    public StackConfig(IReadOnlyDictionary<string, string>? config, IEnumerable<string>? secretKeys)
    {
        Environment.SetEnvironmentVariable(PulumiConfigSource.ConfigVariable,
            JsonSerializer.Serialize(config ?? new Dictionary<string, string>()));
        Environment.SetEnvironmentVariable(PulumiConfigSource.SecretKeysVariable,
            JsonSerializer.Serialize((secretKeys ?? []).ToArray()));
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(PulumiConfigSource.ConfigVariable, _config);
        Environment.SetEnvironmentVariable(PulumiConfigSource.SecretKeysVariable, _secretKeys);
    }
}
