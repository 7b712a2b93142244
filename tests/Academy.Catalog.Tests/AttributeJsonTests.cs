using System.Text.Json;
using Academy.Catalog.Items;
using Amazon.DynamoDBv2.Model;

namespace Academy.Catalog.Tests;

/// <summary>The two writers of attribute values: DynamoDB JSON (what plan and messages print) and plain JSON (what show and export print).</summary>
public class AttributeJsonTests
{
    private static readonly AttributeValue Nested = new()
    {
        M = new()
        {
            ["text"] = new() { S = "é <b> \"q\" \u0001" },
            ["list"] = new() { L = [new() { N = "-2.5" }, new() { NULL = true }, new() { BOOL = false }] },
        },
    };

    [Test]
    public void AValueOnItsOwnIsWrittenExactlyAsInsideAnItem()
    {
        var item = DynamoJsonWriter.Write(new Dictionary<string, AttributeValue> { ["v"] = Nested });

        Assert.That(item, Is.EqualTo($"{{\"v\":{DynamoJsonWriter.Write(Nested)}}}"));
        Assert.That(DynamoJsonWriter.Write(Nested), Is.EqualTo("""{"M":{"text":{"S":"é <b> \"q\" \u0001"},"list":{"L":[{"N":"-2.5"},{"NULL":true},{"BOOL":false}]}}}"""));
    }

    [Test]
    public void PlainJsonWritesSetsAsListsBinaryAsBase64AndNullAsNullWithTheSameStringEncoding()
    {
        Assert.That(PlainJsonWriter.Write(Nested), Is.EqualTo("""{"text":"é <b> \"q\" \u0001","list":[-2.5,null,false]}"""));
        Assert.That(PlainJsonWriter.Write(new() { SS = ["b", "a"] }), Is.EqualTo("""["b","a"]"""));
        Assert.That(PlainJsonWriter.Write(new() { NS = ["12345678901234567890.123456789", "1"] }), Is.EqualTo("[12345678901234567890.123456789,1]"));
        Assert.That(PlainJsonWriter.Write(new() { B = new MemoryStream([1, 2, 255]) }), Is.EqualTo("\"AQL/\""));
        Assert.That(PlainJsonWriter.Write(new() { BS = [new MemoryStream([1])] }), Is.EqualTo("""["AQ=="]"""));
    }

    [TestCase("+5")]
    [TestCase(".5")]
    [TestCase("1.")]
    [TestCase("NaN")]
    public void ANumberTextJsonCannotHoldIsWrittenAsAStringNeverAsInvalidJson(string number)
    {
        var text = PlainJsonWriter.Write(new() { L = [new() { N = number }] });

        Assert.That(JsonDocument.Parse(text).RootElement[0].GetString(), Is.EqualTo(number));
    }
}
