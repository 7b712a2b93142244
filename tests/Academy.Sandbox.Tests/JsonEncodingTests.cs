using System.Text.Json;
using Academy.Sandbox.Tests.Support;

namespace Academy.Sandbox.Tests;

/// <summary>Every command writes a string the same way: one encoder for DynamoDB JSON, plain JSON and --json documents.</summary>
public sealed class JsonEncodingTests
{
    // Non-ASCII and HTML characters as they are, a quote and control characters escaped as JSON requires.
    private const string Tricky = "é 'ü' <b>&amp;</b> \"quoted\" \u0001 \t end";
    private const string Encoded = "\"é 'ü' <b>&amp;</b> \\\"quoted\\\" \\u0001 \\t end\"";

    [Test]
    public async Task PlanAndShowWriteTheSameTrickyStringTheSameWayInTextAndJson()
    {
        using var project = new ScratchProject();
        var user = Tool.NewUser();
        project.Write($"Pulumi.{user}.yaml", """
            config:
              academy:items:
                global:
                  - name: tricky
                    text: "é 'ü' <b>&amp;</b> \"quoted\" \x01 \t end"
                    list: ["é 'ü' <b>&amp;</b> \"quoted\" \x01 \t end"]
            """);
        string[] target = ["--stack", user, "--project", project.Root, "--endpoint", LocalEngine.Endpoint];
        Assert.That((await Tool.RunAsync(["up", .. target])).ExitCode, Is.Zero);

        var planText = await Tool.RunAsync(["plan", .. target[..4]]);
        var planJson = await Tool.RunAsync(["plan", "--json", .. target[..4]]);
        var showText = await Tool.RunAsync(["show", .. target]);
        var showJson = await Tool.RunAsync(["show", "--json", .. target]);

        Assert.That(planText.Output, Does.Contain($"\"text\":{{\"S\":{Encoded}}}").And.Contain($"\"list\":{{\"L\":[{{\"S\":{Encoded}}}]}}"), planText.Output);
        Assert.That(planJson.Output, Does.Contain($"\"S\": {Encoded}"), planJson.Output);
        Assert.That(showText.Output, Does.Contain($"[{Encoded}]"), showText.Output);
        Assert.That(showJson.Output, Does.Contain($"\"text\": {Encoded}").And.Contain($"\"list\": [\n").And.Contain($"  {Encoded}\n"), showJson.Output);

        using var plan = JsonDocument.Parse(planJson.Output);
        using var show = JsonDocument.Parse(showJson.Output);
        var planned = plan.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("logicalName").GetString()!.Contains("tricky"));
        var settings = show.RootElement.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "tricky").GetProperty("settings");
        Assert.That(planned.GetProperty("item").GetProperty("text").GetProperty("S").GetString(), Is.EqualTo(Tricky));
        Assert.That(settings.GetProperty("text").GetString(), Is.EqualTo(Tricky));
        Assert.That(settings.GetProperty("list")[0].GetString(), Is.EqualTo(Tricky));
    }
}
