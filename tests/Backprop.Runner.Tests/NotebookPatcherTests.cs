using System.Text.Json.Nodes;
using Backprop.Runner.Notebooks;

namespace Backprop.Runner.Tests;

public class NotebookPatcherTests
{
    private static async Task<NotebookFile> ReadAsync(string text)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("patcher-").FullName, "n.ipynb");
        await File.WriteAllTextAsync(path, text);
        return await NotebookFile.ReadAsync(path, CancellationToken.None);
    }

    private const string TwoSpaces =
        "{\n  \"cells\": [\n    {\n      \"cell_type\": \"code\",\n      \"execution_count\": null,\n      \"id\": \"x1\",\n      \"metadata\": {},\n      \"outputs\": [],\n      \"source\": [\"1 + 1\"]\n    }\n  ],\n  \"metadata\": {},\n  \"nbformat\": 4,\n  \"nbformat_minor\": 5\n}";

    [Fact]
    public async Task Keeps_the_files_indentation_and_its_missing_final_newline()
    {
        var notebook = await ReadAsync(TwoSpaces.Replace("\"source\": [\"1 + 1\"]", "\"source\": [\n        \"1 + 1\"\n      ]"));
        var output = new JsonArray(new JsonObject { ["name"] = "stdout", ["output_type"] = "stream", ["text"] = new JsonArray("2\n") });

        var patched = NotebookPatcher.Patch(notebook, new Dictionary<int, CellResult> { [1] = new(1, output) });

        Assert.StartsWith("{\n  \"cells\": [\n    {\n      \"cell_type\": \"code\",\n      \"execution_count\": 1,", patched, StringComparison.Ordinal);
        Assert.EndsWith("\"nbformat_minor\": 5\n}", patched, StringComparison.Ordinal);
        Assert.Contains("\"text\": [\n            \"2\\n\"\n          ]", patched, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Round_trips_only_a_notebook_laid_out_as_written()
    {
        var vsCodeLayout = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "passing.ipynb"));
        Assert.True(NotebookPatcher.RoundTrips(await ReadAsync(vsCodeLayout)));
        // A one-line array is not how a JSON writer lays it out: patching would reformat it.
        Assert.False(NotebookPatcher.RoundTrips(await ReadAsync(TwoSpaces)));
    }

    [Fact]
    public async Task Clears_outputs_of_code_cells_that_did_not_run()
    {
        var notebook = await ReadAsync(TwoSpaces.Replace("\"outputs\": []", "\"outputs\": [{\"output_type\": \"stream\", \"name\": \"stdout\", \"text\": \"old\"}]"));
        var patched = JsonNode.Parse(NotebookPatcher.Patch(notebook, new Dictionary<int, CellResult>()))!;
        Assert.Empty(patched["cells"]![0]!["outputs"]!.AsArray());
        Assert.Null(patched["cells"]![0]!["execution_count"]);
    }
}
