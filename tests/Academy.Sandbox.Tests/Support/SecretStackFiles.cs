namespace Academy.Sandbox.Tests.Support;

/// <summary>
/// Stack files holding Pulumi ciphertext as `pulumi config set --secret` writes it: the sandbox can
/// never decrypt it, so what a test then sees is what the sandbox does with a value it cannot read.
/// </summary>
public static class SecretStackFiles
{
    public const string Ciphertext = "v1:Wm9vYmFyQmF6UXV4:cGxhaW50ZXh0IGlzIG5vdCBoZXJl";

    /// <summary>Pulumi.&lt;user&gt;.yaml with academy:items encrypted as a whole.</summary>
    public static void WhollyEncryptedItems(ScratchProject project, string user) =>
        project.Write($"Pulumi.{user}.yaml", $"""
            config:
              academy:items:
                secure: {Ciphertext}
            """);

    /// <summary>Pulumi.&lt;user&gt;.yaml declaring the global item api-token whose token is a secret.</summary>
    public static void SecretTokenItem(ScratchProject project, string user) =>
        project.Write($"Pulumi.{user}.yaml", $"""
            config:
              academy:items:
                global:
                  - name: api-token
                    token:
                      secure: {Ciphertext}
            """);
}
