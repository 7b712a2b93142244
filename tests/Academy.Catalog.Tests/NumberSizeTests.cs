using Academy.Catalog.Items;

namespace Academy.Catalog.Tests;

/// <summary>
/// A number's size and canonical text read off plain digits (no BigDecimal) are what the full parse
/// gives, for every form: the shortcuts only skip work.
/// </summary>
public class NumberSizeTests
{
    [TestCase("0")]
    [TestCase("-0")]
    [TestCase("0.000")]
    [TestCase("1")]
    [TestCase("-1")]
    [TestCase("10")]
    [TestCase("300")]
    [TestCase("007")]
    [TestCase("1.25")]
    [TestCase("-12.50")]
    [TestCase("0.001")]
    [TestCase("0.0012")]
    [TestCase("123456789012345678901234567890.12345678")]
    [TestCase("12345678901234567890123456789012345678")]
    [TestCase("123456789012345678901234567890123456789")]
    [TestCase("1e2")]
    [TestCase("-1.5E-3")]
    [TestCase("1e999")]
    [TestCase(".5")]
    [TestCase("5.")]
    [TestCase("-")]
    [TestCase("")]
    [TestCase("1.2.3")]
    [TestCase("+5")]
    [TestCase("NaN")]
    [TestCase("0.5")]
    [TestCase("-0.5")]
    [TestCase("0.50")]
    [TestCase("-05")]
    [TestCase("-.5")]
    [TestCase("1.")]
    [TestCase("0.")]
    [TestCase("1٢")]
    public void IsTheSizeOfTheParsedNumber(string text) =>
        Assert.That(NumberText.SizeBytes(text), Is.EqualTo(Parsed(text)), text);

    [TestCaseSource(nameof(Forms))]
    public void CanonicalTextIsTheParsedNumbersText(string text) => AssertCanonicalAsParsed(text);

    [Test]
    public void GeneratedPlainNumbersHaveTheSizeOfTheParsedNumber()
    {
        var random = new Random(18);
        for (var i = 0; i < 20_000; i++)
        {
            var integer = Digits(random, random.Next(0, 3) == 0 ? 1 : random.Next(1, 25));
            var fraction = random.Next(0, 2) == 0 ? "" : "." + Digits(random, random.Next(1, 20));
            var text = (random.Next(0, 3) == 0 ? "-" : "") + integer + fraction;
            Assert.That(NumberText.SizeBytes(text), Is.EqualTo(Parsed(text)), text);
            AssertCanonicalAsParsed(text);
        }
    }

    private static IEnumerable<string> Forms() =>
        typeof(NumberSizeTests).GetMethod(nameof(IsTheSizeOfTheParsedNumber))!.GetCustomAttributes(typeof(TestCaseAttribute), false)
            .Cast<TestCaseAttribute>().Select(c => (string)c.Arguments[0]!);

    private static void AssertCanonicalAsParsed(string text)
    {
        var accepted = NumberText.TryParse(text, out var value, out var problem);
        var parsed = accepted ? NumberText.Canonical(value) : text;
        var shortcut = NumberText.TryCanonical(text, out var canonical, out var shortcutProblem);
        Assert.Multiple(() =>
        {
            Assert.That(NumberText.Canonical(text), Is.EqualTo(parsed), text);
            Assert.That((shortcut, canonical, shortcutProblem?.ToString()), Is.EqualTo((accepted, parsed, problem?.ToString())), text);
        });
    }

    // Zeroes are frequent, so leading and trailing zeroes and zero itself come up often.
    private static string Digits(Random random, int count) =>
        string.Concat(Enumerable.Range(0, count).Select(_ => random.Next(0, 3) == 0 ? '0' : (char)('0' + random.Next(0, 10))));

    // What SizeBytes(string) counted before it read plain digits itself.
    private static int Parsed(string text) =>
        NumberText.TryParse(text, out var value, out _) ? NumberText.SizeBytes(value) : ((text.Length + 1) / 2) + 1;
}
