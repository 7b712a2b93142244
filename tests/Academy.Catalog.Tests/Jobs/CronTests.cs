using Academy.Catalog.Jobs;

namespace Academy.Catalog.Tests.Jobs;

public class CronTests
{
    [TestCase("0 3 * * *")]
    [TestCase("*/15 * * * *")]
    [TestCase("0 4 * * 1")]
    [TestCase("0 4 * * MON-FRI")]
    [TestCase("30 6 1,15 jan-jun 0")]
    [TestCase("0 0 * * 7")]
    [TestCase("5-55/10 8-18 * * *")]
    public void AcceptsStandardFiveFieldExpressions(string expression) =>
        Assert.That(Cron.Check(expression), Is.Null);

    [TestCase("60 3 * * *", "minute '60' is outside 0-59")]
    [TestCase("0 3 0 * *", "day-of-month '0' is outside 1-31")]
    [TestCase("0 3 * 13 *", "month '13' is outside 1-12")]
    [TestCase("0 3 * * 8", "day-of-week '8' is outside 0-7")]
    [TestCase("0 3 * * FUN", "day-of-week 'FUN' is not *, a number, a range a-b or a list of them; allowed values are 0-7 or SUN-SAT")]
    [TestCase("0 20-3 * * *", "hour '20-3' has a range that runs backwards")]
    [TestCase("*/0 * * * *", "minute '*/0' has a step that is not a positive whole number")]
    [TestCase("0 3 ? * *", "day-of-month '?' is not *")]
    [TestCase("0 3 * * * 2026", "has 6 fields, a cron needs 5")]
    public void RejectsWithTheFieldAndWhy(string expression, string problem) =>
        Assert.That(Cron.Check(expression)?.ToString(), Does.Contain(problem));
}
