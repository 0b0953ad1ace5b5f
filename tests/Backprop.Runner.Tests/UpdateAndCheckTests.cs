using System.Text.Json.Nodes;

namespace Backprop.Runner.Tests;

/// <summary>Executed copies, --update (only outputs change) and --check (outputs compared).</summary>
public class UpdateAndCheckTests
{
    [Fact]
    public async Task A_passing_notebook_exits_0_and_its_executed_copy_goes_to_the_output_folder()
    {
        using var folder = new FixtureFolder("passing.ipynb");
        var before = await File.ReadAllBytesAsync(folder.File("passing.ipynb"));

        var result = await RunnerProcess.RunAsync(folder.Path, "run", "passing.ipynb", "--out", folder.Out);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(before, await File.ReadAllBytesAsync(folder.File("passing.ipynb")));
        var copy = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder.Out, "passing.ipynb")))!;
        var stdout = copy["cells"]![1]!["outputs"]![0]!;
        Assert.Equal("stream", (string?)stdout["output_type"]);
        Assert.Equal("(8×2)\n", (string?)stdout["text"]![0]);
    }

    [Fact]
    public async Task Update_changes_only_outputs_and_execution_counts()
    {
        using var folder = new FixtureFolder("passing.ipynb");
        var beforeText = await File.ReadAllTextAsync(folder.File("passing.ipynb"));

        var result = await RunnerProcess.RunAsync(folder.Path, "run", "passing.ipynb", "--update", "--out", folder.Out);

        Assert.True(result.ExitCode == 0, result.ToString());
        var afterText = await File.ReadAllTextAsync(folder.File("passing.ipynb"));
        var before = JsonNode.Parse(beforeText)!.AsObject();
        var after = JsonNode.Parse(afterText)!.AsObject();
        Assert.Equal(before["metadata"]!.ToJsonString(), after["metadata"]!.ToJsonString());
        var beforeCells = before["cells"]!.AsArray();
        var afterCells = after["cells"]!.AsArray();
        Assert.Equal(beforeCells.Count, afterCells.Count);
        for (var i = 0; i < beforeCells.Count; i++)
        {
            foreach (var key in new[] { "id", "metadata", "source", "cell_type" })
            {
                Assert.Equal(beforeCells[i]![key]!.ToJsonString(), afterCells[i]![key]!.ToJsonString());
            }
        }

        Assert.Equal(1, (int?)afterCells[1]!["execution_count"]);
        Assert.Equal(2, (int?)afterCells[2]!["execution_count"]);
        Assert.NotEmpty(afterCells[2]!["outputs"]!.AsArray());
        // Layout kept: VS Code's 1-space indentation and the final newline.
        Assert.StartsWith("{\n \"cells\": [\n  {\n", afterText, StringComparison.Ordinal);
        Assert.EndsWith("}\n", afterText, StringComparison.Ordinal);
        // Byte-level: the text before the first output is untouched (markdown cell, ids, sources).
        var firstOutputs = beforeText.IndexOf("\"execution_count\"", StringComparison.Ordinal);
        Assert.Equal(beforeText[..firstOutputs], afterText[..firstOutputs]);
        Assert.EndsWith(beforeText[beforeText.IndexOf("\n \"metadata\": {", StringComparison.Ordinal)..], afterText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_runs_notebooks_laid_out_differently_and_writes_them_back_in_the_standard_layout()
    {
        // The same notebook three times: as VS Code writes it, with two spaces and unsorted keys
        // and no final newline, and minified. Written back, all three must be the same bytes.
        using var folder = new FixtureFolder("passing.ipynb", "two-spaces.ipynb", "minified.ipynb");

        var result = await RunnerProcess.RunAsync(folder.Path, "run", "passing.ipynb", "two-spaces.ipynb", "minified.ipynb", "--update", "--out", folder.Out);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Ran 3 notebook(s): 3 passed, 0 failed.", result.Output);
        var standard = await File.ReadAllTextAsync(folder.File("passing.ipynb"));
        Assert.StartsWith("{\n \"cells\": [\n  {\n   \"cell_type\": \"markdown\",\n", standard, StringComparison.Ordinal);
        Assert.Contains("\"(8×2)\\n\"", standard, StringComparison.Ordinal); // outputs were written
        foreach (var name in new[] { "two-spaces.ipynb", "minified.ipynb" })
        {
            Assert.Equal(standard, await File.ReadAllTextAsync(folder.File(name)));
            Assert.Contains($"{name}: reformatted: it was not in the standard notebook layout", result.Output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("passing.ipynb: reformatted", result.Output, StringComparison.Ordinal);

        // Now in the standard layout, a second update is minimal again: nothing is reformatted.
        var again = await RunnerProcess.RunAsync(folder.Path, "run", "two-spaces.ipynb", "--update", "--out", folder.Out);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.DoesNotContain("reformatted", again.Output, StringComparison.Ordinal);
        Assert.Equal(standard, await File.ReadAllTextAsync(folder.File("two-spaces.ipynb")));
    }

    [Fact]
    public async Task Update_refuses_invalid_json_naming_the_place_and_leaves_the_file_byte_identical()
    {
        using var folder = new FixtureFolder("invalid-json.ipynb");
        var before = await File.ReadAllBytesAsync(folder.File("invalid-json.ipynb"));

        var result = await RunnerProcess.RunAsync(folder.Path, "run", "invalid-json.ipynb", "--update", "--out", folder.Out);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("invalid-json.ipynb: invalid JSON at line 7, position 3", result.Output, StringComparison.Ordinal);
        Assert.Contains("Nothing written back into the sources (the run failed).", result.Output, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(folder.File("invalid-json.ipynb")));
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));
    }

    [Fact]
    public async Task Update_writes_nothing_when_a_cell_fails()
    {
        using var folder = new FixtureFolder("passing.ipynb", "runtime-error.ipynb");
        var passing = await File.ReadAllBytesAsync(folder.File("passing.ipynb"));
        var failing = await File.ReadAllBytesAsync(folder.File("runtime-error.ipynb"));

        var result = await RunnerProcess.RunAsync(folder.Path, "run", ".", "--update", "--out", folder.Out);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Nothing written back into the sources (the run failed).", result.Output);
        Assert.Equal(passing, await File.ReadAllBytesAsync(folder.File("passing.ipynb")));
        Assert.Equal(failing, await File.ReadAllBytesAsync(folder.File("runtime-error.ipynb")));
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));
    }

    [Fact]
    public async Task Check_passes_on_unchanged_outputs_and_lists_a_changed_one()
    {
        using var folder = new FixtureFolder("passing.ipynb");
        var update = await RunnerProcess.RunAsync(folder.Path, "run", "passing.ipynb", "--update", "--out", folder.Out);
        Assert.True(update.ExitCode == 0, update.ToString());

        var same = await RunnerProcess.RunAsync(folder.Path, "run", "passing.ipynb", "--check", "--out", folder.Out);
        Assert.True(same.ExitCode == 0, same.ToString());

        var text = await File.ReadAllTextAsync(folder.File("passing.ipynb"));
        await File.WriteAllTextAsync(folder.File("passing.ipynb"), text.Replace("(8×2)", "(2×8)", StringComparison.Ordinal));
        var changed = await RunnerProcess.RunAsync(folder.Path, "run", "passing.ipynb", "--check", "--out", folder.Out);
        Assert.True(changed.ExitCode == 1, changed.ToString());
        Assert.Contains("passing.ipynb: cell 2 output differs: output 1 (stream stdout): line 1 was \"(2×8)\", now \"(8×2)\"", changed.Output);
    }
}
