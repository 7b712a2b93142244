using System.CommandLine;
using Academy.Catalog.Errors;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Course;
using Academy.Sandbox.Files;
using Academy.Sandbox.Report;

namespace Academy.Sandbox.Commands.Report;

/// <summary>`report`: every learner of a roster against their live tables, with the course's totals and cost.</summary>
public sealed class ReportCommand : Command, IDocumentsExitCodes
{
    public ReportCommand()
        : base("report", "Report every learner of a roster: tables, items live/declared, drift and estimated cost, as a table, JSON or an HTML page")
    {
        Catalog.AddTo(this);
        Roster.AddTo(this, parallel: true);
        Target.AddTo(this);
        Options.Add(Json);
        Options.Add(Html);
        Validators.Add(result =>
        {
            if (UsageErrors.UnreadableOption(result))
            {
                return;
            }

            if (result.GetValue(Json) && result.GetValue(Html) is not null)
            {
                result.AddError("--json and --html exclude each other: --json prints the report, --html writes it to a file");
            }
        });
        Action = new ReportAction(this);
    }

    public CatalogOptions Catalog { get; } = new();

    public RosterOptions Roster { get; } = new();

    public static (int Code, string Meaning) InStep => (ExitCodes.Ok, "every learner is in step");

    public static (int Code, string Meaning) Drifted => (ExitCodes.Drift, "a learner drifted or has no tables (the report says who)");

    public static (int Code, string Meaning) PageNotWritten => (ExitCodes.Failed, "the --html page could not be written");

    public IReadOnlyList<(int Code, string Meaning)> DocumentedExitCodes => [InStep, Drifted, CourseRunner.LearnerFailedHelp, PageNotWritten];

    public TargetOptions Target { get; } = new();

    public Option<bool> Json { get; } = new("--json") { Description = "Print one JSON document instead of the table" };

    public Option<string?> Html { get; } = new("--html")
    {
        Description = "Also write the report as a self-contained HTML page (no scripts, nothing fetched) to this file",
        HelpName = "file",
        Validators = { result => CheckHtml(result) },
    };

    // Checked while parsing, so a page that cannot be written stops the command before it reads anything.
    private static void CheckHtml(System.CommandLine.Parsing.OptionResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (string.IsNullOrWhiteSpace(text) || text.Contains('\0', StringComparison.Ordinal))
        {
            result.AddError($"--html needs the name of the file to write, not '{text}'");
            return;
        }

        if (text == "-")
        {
            // Read by tools as stdout, which holds the text report: a page there would be mixed into it.
            result.AddError("--html - would mean stdout, which holds the text report; name the file to write, e.g. report.html");
            return;
        }

        var file = Path.GetFullPath(text);
        var folder = Path.GetDirectoryName(file);
        if (AtomicFile.TooLong(file) is { } tooLong)
        {
            result.AddError($"--html {Excerpt.Of(file)}: {tooLong}");
        }
        else if (Directory.Exists(file))
        {
            result.AddError($"--html {Excerpt.Of(file)} is a folder; name the file to write, e.g. {Excerpt.Of(Path.Combine(file, "report.html"))}");
        }
        else if (folder is not null && File.Exists(folder))
        {
            result.AddError($"--html {Excerpt.Of(file)}: {Excerpt.Of(folder)} is a file, not a folder");
        }
        else if (!Directory.Exists(folder))
        {
            result.AddError($"--html {Excerpt.Of(file)}: the folder {Excerpt.Of(folder ?? "")} does not exist");
        }
        else if (AtomicFile.Refusal(file) is { } refusal)
        {
            result.AddError($"--html {Excerpt.Of(file)} {refusal}");
        }
        else if (File.Exists(file) && !ReportHtml.IsReport(file))
        {
            result.AddError($"--html {Excerpt.Of(file)} exists and is not a report page this command wrote; it replaces only its own pages: name a new file, or remove this one first");
        }
    }
}
