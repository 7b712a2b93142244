using System.Text.Json.Nodes;
using Academy.Catalog.Errors;
using Academy.Catalog.Tests.Support;

namespace Academy.Catalog.Tests.Jobs;

/// <summary>A scratch copy of the project whose seed jobs and global items a test edits as JSON.</summary>
internal sealed class JobsScratch : IDisposable
{
    public const string JobsFile = "seed/items/jobs.json";
    public const string GlobalFile = "seed/items/global.json";

    private readonly ScratchProject _project = new();

    public void EditJob(string name, Action<JsonObject> edit) => Edit(JobsFile, name, edit);

    public void EditGlobal(Action<JsonObject> edit) => Edit(GlobalFile, "imdb-rest-api", edit);

    public void RemoveJob(string name)
    {
        var items = Read(JobsFile);
        items.Remove(items.Single(i => (string?)i!["name"] == name));
        _project.Write(JobsFile, items.ToJsonString());
    }

    public void Write(string relativePath, string content) => _project.Write(relativePath, content);

    public Catalog Build(Dictionary<string, string>? config = null) => TestProject.Build(config: config, paths: _project.Paths);

    /// <summary>Builds, expecting failure, and returns every problem reported.</summary>
    public IReadOnlyList<CatalogError> Errors(Dictionary<string, string>? config = null) =>
        Assert.Throws<CatalogException>(() => Build(config))!.Errors;

    public void Dispose() => _project.Dispose();

    private void Edit(string file, string name, Action<JsonObject> edit)
    {
        var items = Read(file);
        edit(items.Single(i => (string?)i!["name"] == name)!.AsObject());
        _project.Write(file, items.ToJsonString());
    }

    private JsonArray Read(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(_project.Root, file)))!.AsArray();
}
