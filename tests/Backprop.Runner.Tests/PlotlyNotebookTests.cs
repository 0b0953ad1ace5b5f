namespace Backprop.Runner.Tests;

/// <summary>
/// A real Plotly.NET chart: the package's kernel extension (its formatter) is loaded from
/// <c>interactive-extensions/dotnet</c>, and --check compares charts by data even though every
/// run draws into a new random div id.
/// </summary>
public class PlotlyNotebookTests
{
    [Fact]
    public async Task A_chart_is_formatted_by_its_extension_and_checks_by_its_data()
    {
        using var folder = new FixtureFolder("plotly-chart.ipynb");
        var update = await RunnerProcess.RunAsync(folder.Path, "run", "plotly-chart.ipynb", "--update", "--out", folder.Out);
        Assert.True(update.ExitCode == 0, update.ToString());
        var text = await File.ReadAllTextAsync(folder.File("plotly-chart.ipynb"));
        Assert.Contains("Plotly.newPlot", text, StringComparison.Ordinal);
        Assert.DoesNotContain("loaded kernel extension", text, StringComparison.Ordinal);

        var same = await RunnerProcess.RunAsync(folder.Path, "run", "plotly-chart.ipynb", "--check", "--out", folder.Out);
        Assert.True(same.ExitCode == 0, same.ToString());

        await File.WriteAllTextAsync(folder.File("plotly-chart.ipynb"), text.Replace("0.125]", "0.126]", StringComparison.Ordinal));
        var changed = await RunnerProcess.RunAsync(folder.Path, "run", "plotly-chart.ipynb", "--check", "--out", folder.Out);
        Assert.True(changed.ExitCode == 1, changed.ToString());
        // The figure is compared value by value: the message names the changed one, stored and new.
        var message = changed.Output.Split('\n').Single(l => l.Contains("output differs", StringComparison.Ordinal));
        Assert.Contains("plotly-chart.ipynb: cell 3 output differs: output 1 (display text/html): line ", message, StringComparison.Ordinal);
        Assert.Contains("was \"data[0].y[2] = 0.126\", now \"data[0].y[2] = 0.125\"", message, StringComparison.Ordinal);
        Assert.Matches(@"\(they part at column \d+\)$", message.TrimEnd());
    }
}
