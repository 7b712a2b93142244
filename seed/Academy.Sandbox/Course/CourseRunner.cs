using Academy.Catalog.Roster;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Engine;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace Academy.Sandbox.Course;

/// <summary>
/// Runs one command's work for every selected learner, several at once, and prints one summary line
/// per learner in roster order as soon as it and every learner before it are done. A learner's
/// failure becomes their line; it does not stop the others.
/// </summary>
public sealed class CourseRunner(CourseSelection selection, TextWriter output, EngineTarget? target)
{
    /// <summary>The work for one learner: writes its detailed output, returns its status and summary.</summary>
    public delegate Task<(LearnerStatus Status, string Summary)> LearnerWork(LearnerCatalog learner, TextWriter details, CancellationToken ct);

    private readonly object _lock = new();
    private readonly int _width = Math.Min(24, selection.Learners.Max(l => l.Name.Length));

    /// <summary>How a learner's line names <see cref="LearnerStatus.Drifted"/>: drift for verify, problems for show.</summary>
    public string DriftedLabel { get; init; } = "drifted";

    /// <summary>
    /// Every learner's outcome, in roster order. Once no DynamoDB answered for one learner, the others
    /// are not done (the endpoint is the same for all: each would wait out the same deadline), and
    /// one line says so instead of one line each.
    /// </summary>
    public async Task<IReadOnlyList<LearnerOutcome>> RunAsync(int parallel, LearnerWork work, CancellationToken ct)
    {
        var learners = selection.Learners;
        var outcomes = new LearnerOutcome?[learners.Count];
        var printed = 0;
        var notTried = 0;
        string? silentFor = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(0, learners.Count), options, async (i, _) =>
        {
            var learner = learners[i];
            var details = new StringWriter();
            LearnerOutcome outcome;
            try
            {
                stop.Token.ThrowIfCancellationRequested();
                var (status, summary) = await work(learner, details, stop.Token);
                outcome = new LearnerOutcome(learner.Name, status, summary, details.ToString());
            }
            catch (Exception e) when (!stop.IsCancellationRequested && Failure(e) is { } failure)
            {
                outcome = new LearnerOutcome(learner.Name, failure.Status, failure.Message, details.ToString());
            }
            catch (Exception) when (stop.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                outcome = new LearnerOutcome(learner.Name, LearnerStatus.Unreachable, $"not done: no DynamoDB answered for {silentFor}", "") { NotTried = true };
            }

            lock (_lock)
            {
                if (outcome.Status == LearnerStatus.Unreachable && !outcome.NotTried && silentFor is null)
                {
                    silentFor = learner.Name;
                    stop.Cancel();
                }

                outcomes[i] = outcome;
                while (printed < outcomes.Length && outcomes[printed] is { } next)
                {
                    if (next.NotTried)
                    {
                        notTried++;
                    }
                    else
                    {
                        Print(next);
                    }

                    printed++;
                }
            }
        });

        if (notTried > 0)
        {
            output.WriteLine($"  ... {notTried:N0} other learner(s) not done: no DynamoDB answered for {silentFor}, and the endpoint is the same for all");
        }

        return outcomes.Select(o => o!).ToList();
    }

    /// <summary>What a course command returns when a learner failed, listed in the --help of every command that takes a roster.</summary>
    public static (int Code, string Meaning) LearnerFailedHelp =>
        (ExitCodes.Failed, "with a roster: a learner failed (each failure is on its line; the other learners were still done)");

    /// <summary>
    /// Ok when every learner is fine; Unreachable when no engine answered for anyone; Failed when any
    /// learner could not be done (it outweighs drift: the drift of a learner not checked is unknown);
    /// else Drift.
    /// </summary>
    public static int ExitCode(IReadOnlyList<LearnerOutcome> outcomes) => outcomes switch
    {
        _ when outcomes.All(o => o.Status == LearnerStatus.Ok) => ExitCodes.Ok,
        _ when outcomes.All(o => o.Status == LearnerStatus.Unreachable) => ExitCodes.Unreachable,
        _ when outcomes.Any(o => o.Status is LearnerStatus.Failed or LearnerStatus.Unreachable) => LearnerFailedHelp.Code,
        _ => ExitCodes.Drift,
    };

    // One learner alone gets everything it printed, as the learner command would; in a course only
    // the learners that need attention do, indented under their line.
    private void Print(LearnerOutcome outcome)
    {
        if (selection.Learners.Count == 1)
        {
            output.Write(outcome.Details);
        }

        var status = outcome.Status switch
        {
            LearnerStatus.Ok => "ok",
            LearnerStatus.Drifted => DriftedLabel,
            LearnerStatus.Failed => "FAILED",
            _ => "FAILED",
        };
        output.WriteLine($"  {outcome.Name.PadRight(_width)}  {status,-7}  {outcome.Summary}");
        if (selection.Learners.Count > 1 && outcome.Status == LearnerStatus.Drifted)
        {
            foreach (var line in outcome.Details.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                output.WriteLine($"  {line.TrimEnd('\r')}");
            }
        }
    }

    // What the learner command would print for the same failure, as one line.
    private (LearnerStatus Status, string Message)? Failure(Exception e) => e switch
    {
        SandboxException s => (LearnerStatus.Failed, s.Message),
        _ when target is not null && ConnectionFailure.Describe(target, e) is { } line => (LearnerStatus.Unreachable, line),
        AmazonDynamoDBException d => (LearnerStatus.Failed, $"error: DynamoDB at {target?.Describe} refused the request: {d.ErrorCode}: {d.Message}"),
        AmazonClientException c when target is { IsAws: true } => (LearnerStatus.Unreachable, $"error: cannot use AWS: {c.Message}"),
        _ => null,
    };
}
