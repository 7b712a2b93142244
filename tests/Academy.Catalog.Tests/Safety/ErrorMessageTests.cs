using Academy.Catalog.Errors;
using static Academy.Catalog.Errors.Shown;

namespace Academy.Catalog.Tests.Safety;

/// <summary>
/// The rules every message follows, so checks written by anyone (plain interpolated strings passed to
/// ErrorList.Add or a report callback) mask too much rather than too little.
/// </summary>
public class ErrorMessageTests
{
    private const int ItemsLimit = 409_600;

    [Test]
    public void StringHolesAreValuesAndWrappedNamesAndComputedWholeNumbersAreShown()
    {
        const string attribute = "load_mode";
        var value = "zq";
        var size = 410_011;
        ErrorMessage message = $"attribute '{Name(attribute)}': '{value}' is {size:N0} bytes, at most {ItemsLimit} ({Words("400 KB")})";

        Assert.Multiple(() =>
        {
            Assert.That(message.Render(secret: false), Is.EqualTo("attribute 'load_mode': 'zq' is 410,011 bytes, at most 409600 (400 KB)"));
            Assert.That(message.Render(secret: true), Is.EqualTo("attribute 'load_mode': '***' is 410,011 bytes, at most 409600 (400 KB)"));
        });
    }

    [Test]
    public void AStringOfUnknownOriginIsOneValueAndAnUnwrappedNameIsMaskedToo()
    {
        var fromHelper = "'tok-123' is not a number";
        ErrorMessage whole = fromHelper;
        ErrorMessage unwrapped = $"attribute '{"token"}': bad";

        Assert.Multiple(() =>
        {
            Assert.That(whole.Render(secret: true), Is.EqualTo("***"));
            Assert.That(whole.Render(secret: false), Is.EqualTo(fromHelper));
            Assert.That(unwrapped.Render(secret: true), Is.EqualTo("attribute '***': bad"));
        });
    }

    [Test]
    public void NumbersThatMayBeValuesAreMaskedAndNestedMessagesKeepTheirParts()
    {
        var fromItem = 12.5m;
        ErrorMessage inner = $"'{"17 4 * * * 2031"}' has {6} fields";
        ErrorMessage outer = $"attribute '{Name("schedule")}': {inner}; limit {fromItem}";

        Assert.That(outer.Render(secret: true), Is.EqualTo("attribute 'schedule': '***' has 6 fields; limit ***"));
    }

    [Test]
    public void AnErrorListConcerningSecretDataMarksWhatIsAddedThroughItOnly()
    {
        var errors = new ErrorList();
        errors.Concerning(true).Add("config academy:items.global", "x", $"'{"s3cr3t"}' is bad");
        errors.Add("seed/items/global.json", "y", $"'{"plain"}' is bad");

        Assert.That(errors.Errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            "config academy:items.global: item 'x': '***' is bad",
            "seed/items/global.json: item 'y': 'plain' is bad",
        }));
    }
}
