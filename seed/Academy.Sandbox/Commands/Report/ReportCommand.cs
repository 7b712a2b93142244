using System.CommandLine;
using Academy.Sandbox.Cli;
using Academy.Sandbox.Course;

namespace Academy.Sandbox.Commands.Report;

/// <summary>`report`: every learner of a roster against their live tables, with the course's totals and cost.</summary>
public sealed class ReportCommand : Command
{
    public ReportCommand()
        : base("report", "Report every learner of a roster: tables, items live/declared, drift and estimated cost, as a table, JSON or an HTML page; exit 1 if any learner drifted or failed")
    {
        Catalog.AddTo(this);
        Roster.AddTo(this, parallel: true);
        Target.AddTo(this);
        Options.Add(Json);
        Options.Add(Html);
        Validators.Add(result =>
        {
            if (result.GetValue(Json) && result.GetValue(Html) is not null)
            {
                result.AddError("--json and --html exclude each other: --json prints the report, --html writes it to a file");
            }
        });
        Action = new ReportAction(this);
    }

    public CatalogOptions Catalog { get; } = new();

    public RosterOptions Roster { get; } = new();

    public TargetOptions Target { get; } = new();

    public Option<bool> Json { get; } = new("--json") { Description = "Print one JSON document instead of the table" };

    public Option<FileInfo?> Html { get; } = new("--html")
    {
        Description = "Also write the report as a self-contained HTML page (no scripts, nothing fetched) to this file",
        HelpName = "file",
        Validators =
        {
            result =>
            {
                if (result.GetValueOrDefault<FileInfo?>() is not { } file)
                {
                    return;
                }

                if (Directory.Exists(file.FullName))
                {
                    result.AddError($"--html {file.FullName} is a folder; name the file to write, e.g. {Path.Combine(file.FullName, "report.html")}");
                }
                else if (!Directory.Exists(file.DirectoryName))
                {
                    result.AddError($"--html {file.FullName}: the folder {file.DirectoryName} does not exist");
                }
            },
        },
    };
}
