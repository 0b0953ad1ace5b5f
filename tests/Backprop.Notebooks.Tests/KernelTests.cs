using System.Text.Json.Nodes;

namespace Backprop.Notebooks.Tests;

/// <summary>
/// The shared setup in a real kernel: dotnet-repl 0.3.259 (the kernel build VS Code launches)
/// runs a fixture notebook from inside notebooks/, as the course's lessons run.
/// </summary>
public class KernelTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task The_setup_loads_in_a_real_kernel_and_every_view_is_shown()
    {
        var root = Examples.RepositoryRoot();
        var fixture = Path.Combine(root, "tests", "Backprop.Notebooks.Tests", "Fixtures", "setup-smoke.ipynb");
        var (exitCode, cells, log) = await RunAsync(Path.Combine(root, "notebooks"), fixture);

        Assert.True(exitCode == 0, $"dotnet-repl exited {exitCode}:\n{log}");
        Assert.Contains("W_L97 (2×3)", cells[1]);
        Assert.Contains("Backward pass", cells[2]);
        Assert.Contains("Σ over n", cells[2]);
        Assert.Contains("bp-layer-row", cells[3]);
        Assert.Contains("bp-static-fallback", cells[4]);
        Assert.Contains("Plotly.newPlot", cells[4]);
        Assert.Contains("bp-network", cells[5]);           // a Network shown by the registered formatter
        Assert.Contains("bp-neuron", cells[6]);
        Assert.Contains("bp-chart", cells[7]);              // LiveLoss.Complete replaced the live view
    }

    [Fact]
    public async Task Without_a_build_the_first_cell_says_which_command_to_run()
    {
        // A copy of the setup where ../src does not exist: what a learner sees before building.
        var root = Examples.RepositoryRoot();
        var scratch = Directory.CreateTempSubdirectory("bp-setup-");
        var notebooks = Directory.CreateDirectory(Path.Combine(scratch.FullName, "notebooks")).FullName;
        Directory.CreateDirectory(Path.Combine(scratch.FullName, ".config"));
        File.Copy(Path.Combine(root, ".config", "dotnet-tools.json"), Path.Combine(scratch.FullName, ".config", "dotnet-tools.json"));
        foreach (var file in Directory.GetFiles(Path.Combine(root, "notebooks"), "setup*"))
            File.Copy(file, Path.Combine(notebooks, Path.GetFileName(file)));
        var fixture = Path.Combine(notebooks, "lesson.ipynb");
        File.Copy(Path.Combine(root, "tests", "Backprop.Notebooks.Tests", "Fixtures", "setup-only.ipynb"), fixture);

        var (exitCode, cells, _) = await RunAsync(notebooks, fixture);

        Assert.Equal(2, exitCode); // dotnet-repl: a cell failed
        Assert.Contains("Backprop.Notebooks.dll not found: run `dotnet build` in the repository root first.", cells[0]);
        Assert.DoesNotContain("CS0006", cells[0]);
        scratch.Delete(recursive: true);
    }

    [Fact]
    public void Fixture_notebooks_carry_the_polyglot_metadata()
    {
        var fixtures = Path.Combine(Examples.RepositoryRoot(), "tests", "Backprop.Notebooks.Tests", "Fixtures");
        var expected = JsonNode.Parse("""
            {"kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"},
             "language_info": {"name": "polyglot-notebook"},
             "polyglot_notebook": {"kernelInfo": {"defaultKernelName": "csharp", "items": [{"aliases": [], "name": "csharp"}]}}}
            """);
        foreach (var file in Directory.GetFiles(fixtures, "*.ipynb"))
        {
            var notebook = JsonNode.Parse(File.ReadAllText(file))!;
            Assert.True(JsonNode.DeepEquals(expected, notebook["metadata"]), $"{file}: metadata differs");
            Assert.All(notebook["cells"]!.AsArray(), c => Assert.Equal("csharp", (string?)c!["metadata"]!["polyglot_notebook"]!["kernelName"]));
        }
    }

    /// <summary>Runs dotnet-repl on <paramref name="notebook"/> from <paramref name="directory"/>; returns each cell's outputs as one string.</summary>
    private static async Task<(int ExitCode, string[] Cells, string Log)> RunAsync(string directory, string notebook)
    {
        var output = Path.Combine(Path.GetTempPath(), $"bp-kernel-{Guid.NewGuid():N}.ipynb");
        var (exitCode, log) = await Backprop.Testing.TestProcess.RunAsync(directory, Timeout, "dotnet",
            "tool", "run", "dotnet-repl", "--", "--run", notebook, "--exit-after-run", "--output-path", output);
        if (exitCode == -1) throw new TimeoutException($"dotnet-repl did not finish {notebook} within {Timeout}:\n{log}");
        if (!File.Exists(output)) return (exitCode, [], log);
        var cells = JsonNode.Parse(await File.ReadAllTextAsync(output))!["cells"]!.AsArray()
            .Select(c => c!["outputs"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            .ToArray();
        File.Delete(output);
        return (exitCode, cells, log);
    }
}
