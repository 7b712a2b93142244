using System.Text.Json;
using Academy.Sandbox.Tests.Support;

namespace Academy.Sandbox.Tests;

/// <summary>The built academy-sandbox executable, run as a learner runs it.</summary>
public sealed class ExecutableTests
{
    [Test]
    public async Task TheBuiltToolPlansUpsAndVerifies()
    {
        var user = Tool.NewUser();
        var plan = await RunAsync("plan", "--json", "--user", user);
        Assert.That(plan.ExitCode, Is.Zero, plan.Error);
        using (var json = JsonDocument.Parse(plan.Output))
        {
            Assert.That(json.RootElement.GetProperty("items").GetArrayLength(), Is.EqualTo(7));
            Assert.That(json.RootElement.GetProperty("tables")[0].GetProperty("name").GetString(), Is.EqualTo($"{user}-academy-global"));
        }

        var up = await RunAsync("up", "--user", user, "--endpoint", LocalEngine.Endpoint);
        Assert.That(up.ExitCode, Is.Zero, up.Error);
        var verify = await RunAsync("verify", "--user", user, "--endpoint", LocalEngine.Endpoint);
        Assert.That(verify.ExitCode, Is.Zero, verify.Output + verify.Error);
    }

    private static Task<CliRun> RunAsync(params string[] args) => BuiltTool.RunAsync(args);
}
