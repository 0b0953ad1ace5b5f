using System.Text.Json.Nodes;
using Backprop.Testing;

namespace Backprop.Runner.Tests;

/// <summary>
/// The host-leak rule: the runner (and Backprop.Site, which it references for export) carries
/// neither the engine, the presentation library nor Plotly.NET, so a notebook that forgot a #r
/// fails headless as it would in VS Code. Plotly.NET's assembly may sit only in plotly-js/, as data.
/// </summary>
public class HostLeakTests
{
    private static readonly string[] NotebookLibraries = ["Backprop", "Backprop.Notebooks", "Plotly.NET", "Plotly.NET.CSharp", "MathNet.Numerics"];

    [Fact]
    public void The_runner_depends_on_no_library_the_notebooks_load_themselves()
    {
        var deps = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(RepoPaths.RunnerDll, ".deps.json")))!;
        var libraries = deps["libraries"]!.AsObject().Select(p => p.Key.Split('/')[0]).ToList();
        Assert.Contains("Backprop.Site", libraries);
        Assert.Empty(libraries.Intersect(NotebookLibraries, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_runner_folder_holds_plotly_net_only_as_data()
    {
        var folder = Path.GetDirectoryName(RepoPaths.RunnerDll)!;
        Assert.DoesNotContain(NotebookLibraries, name => File.Exists(Path.Combine(folder, name + ".dll")));
        Assert.True(File.Exists(Path.Combine(folder, "plotly-js", "Plotly.NET.dll")), "the exporter's plotly.js source is missing");
    }
}
