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

    private static readonly JsonArray Two = new(new JsonObject { ["name"] = "stdout", ["output_type"] = "stream", ["text"] = new JsonArray("2\n") });

    [Fact]
    public async Task A_notebook_laid_out_differently_is_written_in_the_standard_layout_with_its_keys_sorted()
    {
        // Two spaces, one-line arrays, keys out of order, no final newline.
        var notebook = await ReadAsync(
            "{\n  \"nbformat\": 4,\n  \"nbformat_minor\": 5,\n  \"metadata\": {},\n  \"cells\": [\n    {\"source\": [\"1 + 1\"], \"cell_type\": \"code\", \"id\": \"x1\", \"metadata\": {}, \"outputs\": [], \"execution_count\": null}\n  ]\n}");
        Assert.False(NotebookPatcher.HasStandardLayout(notebook));

        var patched = NotebookPatcher.Patch(notebook, new Dictionary<int, CellResult> { [1] = new(1, Two) });

        Assert.Equal(
            "{\n \"cells\": [\n  {\n   \"cell_type\": \"code\",\n   \"execution_count\": 1,\n   \"id\": \"x1\",\n   \"metadata\": {},\n" +
            "   \"outputs\": [\n    {\n     \"name\": \"stdout\",\n     \"output_type\": \"stream\",\n     \"text\": [\n      \"2\\n\"\n     ]\n    }\n   ],\n" +
            "   \"source\": [\n    \"1 + 1\"\n   ]\n  }\n ],\n \"metadata\": {},\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n",
            patched);
    }

    [Fact]
    public async Task Only_a_notebook_in_the_standard_layout_counts_as_standard()
    {
        var vsCodeLayout = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "passing.ipynb"));
        Assert.True(NotebookPatcher.HasStandardLayout(await ReadAsync(vsCodeLayout)));
        // A CRLF checkout of the same file is still the standard layout, with Windows line endings.
        Assert.True(NotebookPatcher.HasStandardLayout(await ReadAsync(vsCodeLayout.Replace("\n", "\r\n", StringComparison.Ordinal))));
        Assert.False(NotebookPatcher.HasStandardLayout(await ReadAsync(vsCodeLayout.TrimEnd('\n'))));
        Assert.False(NotebookPatcher.HasStandardLayout(await ReadAsync(TwoSpaces)));
        foreach (var fixture in new[] { "two-spaces.ipynb", "minified.ipynb" })
        {
            var text = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture));
            Assert.False(NotebookPatcher.HasStandardLayout(await ReadAsync(text)), fixture);
        }
    }

    [Fact]
    public async Task A_notebook_in_the_standard_layout_changes_only_in_its_outputs_and_keeps_crlf()
    {
        var vsCodeLayout = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "passing.ipynb"));
        var crlf = vsCodeLayout.Replace("\n", "\r\n", StringComparison.Ordinal);
        var notebook = await ReadAsync(crlf);

        var patched = NotebookPatcher.Patch(notebook, new Dictionary<int, CellResult> { [2] = new(7, Two) });

        var outputs = "\"execution_count\": 7,\r\n   \"id\": \"c002\",";
        Assert.Contains(outputs, patched, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", patched.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        // Everything up to the first changed value, and everything after the last cell, is the file's own bytes.
        var first = crlf.IndexOf("\"execution_count\"", StringComparison.Ordinal);
        Assert.Equal(crlf[..first], patched[..first]);
        var metadata = crlf.IndexOf("\r\n \"metadata\": {", StringComparison.Ordinal);
        Assert.EndsWith(crlf[metadata..], patched, StringComparison.Ordinal);
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
