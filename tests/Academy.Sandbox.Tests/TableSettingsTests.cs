using System.Text.Json;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Tests.Support;
using Academy.Sandbox.Up;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Tests;

/// <summary>An existing table's key schema, billing mode and capacities against the catalog's.</summary>
public sealed class TableSettingsTests
{
    [Test]
    public async Task VerifyReportsAWronglyKeyedTableAsSuchAndNeverItsItemsAsExtras()
    {
        var user = Tool.NewUser();
        var global = $"{user}-academy-global";
        using var client = LocalEngine.Client();
        await CreateTableAsync(global, ScalarAttributeType.N, r => r.ProvisionedThroughput = new ProvisionedThroughput(1, 1));
        await client.PutItemAsync(global, new Dictionary<string, AttributeValue> { ["name"] = new() { N = "1" } });
        var target = Tool.LocalTarget(user);

        var verify = await Tool.RunAsync(["verify", .. target]);

        Assert.That(verify.ExitCode, Is.EqualTo(ExitCodes.Drift), verify.Error);
        Assert.That(verify.Error, Is.Empty);
        Assert.That(verify.Output, Does.Contain("key: live HASH name (N), catalog HASH name (S)")
            .And.Contain("its 1 item(s) are not compared")
            .And.Not.Contain("extra     ")
            .And.Not.Contain("global-"));

        var prune = await Tool.RunAsync(["up", "--prune", "--yes", .. target]);

        Assert.That(prune.ExitCode, Is.EqualTo(ExitCodes.Failed));
        Assert.That(prune.Error, Does.Contain("HASH name (N)").And.Contain("never rewrites a table's keys"));
        Assert.That((await Items.ScanAsync(global)).Single()["name"].N, Is.EqualTo("1"), "nothing deleted");
        Assert.That(await LocalEngine.TablesAsync($"{user}-academy-jobs"), Is.Empty, "nothing created either: every table is checked first");
    }

    [Test]
    public async Task APayPerRequestTableWhereTheCatalogSaysProvisionedIsDriftAndUpSaysSo()
    {
        var user = Tool.NewUser();
        var global = $"{user}-academy-global";
        await CreateTableAsync(global, ScalarAttributeType.S, r => r.BillingMode = BillingMode.PAY_PER_REQUEST);
        var target = Tool.LocalTarget(user);

        var up = await Tool.RunAsync(["up", .. target]);

        Assert.That(up.ExitCode, Is.Zero, up.Error);
        Assert.That(up.Output, Does.Contain($"table {global}: exists, but its settings differ from the catalog (billing: live PAY_PER_REQUEST, catalog PROVISIONED 1 read / 1 write)")
            .And.Not.Contain("key schema matches"));

        var verify = await Tool.RunAsync(["verify", .. target]);

        Assert.That(verify.ExitCode, Is.EqualTo(ExitCodes.Drift), verify.Output);
        Assert.That(verify.Output, Does.Contain("setting   billing: live PAY_PER_REQUEST, catalog PROVISIONED 1 read / 1 write")
            .And.Contain($"{global}: 1 item(s) match")
            .And.Contain("drift: 1 difference(s); `pulumi up` applies the catalog's table settings (`up` never changes an existing table)"));

        var json = await Tool.RunAsync(["verify", "--json", .. target]);
        using var document = JsonDocument.Parse(json.Output);
        var table = document.RootElement.GetProperty("tables")[0];
        Assert.That(table.GetProperty("settings")[0].GetString(), Is.EqualTo("billing: live PAY_PER_REQUEST, catalog PROVISIONED 1 read / 1 write"));
        Assert.That(document.RootElement.GetProperty("inStep").GetBoolean(), Is.False);
    }

    [Test]
    public async Task ProvisionedCapacitiesThatDifferAreDrift()
    {
        var user = Tool.NewUser();
        await CreateTableAsync($"{user}-academy-jobs", ScalarAttributeType.S, r => r.ProvisionedThroughput = new ProvisionedThroughput(5, 2));
        var target = Tool.LocalTarget(user);
        Assert.That((await Tool.RunAsync(["up", .. target])).ExitCode, Is.Zero);

        var verify = await Tool.RunAsync(["verify", .. target]);

        Assert.That(verify.ExitCode, Is.EqualTo(ExitCodes.Drift));
        Assert.That(verify.Output, Does.Contain("billing: live PROVISIONED 5 read / 2 write, catalog PROVISIONED 1 read / 1 write"));
    }

    // A table made by hand, keyed by 'name' of the given type, configured by the test, waited for until ACTIVE.
    private static async Task CreateTableAsync(string name, ScalarAttributeType keyType, Action<CreateTableRequest> configure)
    {
        using var client = LocalEngine.Client();
        var request = new CreateTableRequest
        {
            TableName = name,
            AttributeDefinitions = [new AttributeDefinition("name", keyType)],
            KeySchema = [new KeySchemaElement("name", KeyType.HASH)],
        };
        configure(request);
        await client.CreateTableAsync(request);
        await TableProvisioner.WaitActiveAsync(client, name, _ => { }, CancellationToken.None);
    }
}
