using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Backprop.Runner.Comparison;
using Backprop.Testing;

namespace Backprop.Runner.Tests;

/// <summary>
/// --check compares a course chart (ChartView: a Plotly <c>var figure=</c> script and a static SVG
/// fallback) by its figure and its fallback: one changed number fails and is named, while the
/// random element id of each run is not part of the chart.
/// </summary>
public sealed partial class ChartCheckTests : IDisposable
{
    private const string Fixture = "course-chart.ipynb";

    private readonly FixtureFolder folder = new(Fixture);

    public ChartCheckTests()
    {
        // The fixture loads the course's libraries from their build folder (kept built by the runner).
        var libraries = RepoPaths.File("src", "Backprop.Notebooks", "bin", "Debug", "net10.0");
        File.WriteAllText(folder.File(Fixture), Stored.Replace("{{BIN}}", libraries, StringComparison.Ordinal));
    }

    private string Stored => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", Fixture));

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_course_chart_with_one_number_changed_fails_naming_the_notebook_the_cell_and_the_value()
    {
        // The stored output says 0.126 where the run draws 0.125.
        Edit(text => ReplaceOnce(text, "\\\"y\\\":[0.5,0.25,0.125,0.0625]", "\\\"y\\\":[0.5,0.25,0.126,0.0625]"));
        var check = await CheckAsync();
        Assert.True(check.ExitCode == 1, check.ToString());
        var message = check.Output.Split('\n').Single(l => l.Contains("output differs", StringComparison.Ordinal)).TrimEnd();
        Assert.Matches(
            @"course-chart\.ipynb: cell 2 output differs: output 1 \(display text/html\): line \d+ was ""data\[0\]\.y\[2\] = 0\.126"", now ""data\[0\]\.y\[2\] = 0\.125"" \(they part at column 20\)$",
            message);
    }

    [Fact]
    public async Task A_changed_static_fallback_fails_too()
    {
        // Only the SVG drawn for readers without plotly.js changes: the figure is the same.
        Edit(text => ReplaceOnce(text, "points=\\\"75.5,41.8 ", "points=\\\"75.5,41.9 "));
        var check = await CheckAsync();
        Assert.True(check.ExitCode == 1, check.ToString());
        var message = check.Output.Split('\n').Single(l => l.Contains("output differs", StringComparison.Ordinal));
        Assert.Contains("course-chart.ipynb: cell 2 output differs: output 1 (display text/html): line ", message, StringComparison.Ordinal);
        Assert.Contains("was \"…", message, StringComparison.Ordinal);
        Assert.Contains("75.5,41.8", message, StringComparison.Ordinal);
        Assert.Contains("75.5,41.9", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unchanged_chart_passes_whatever_its_element_id()
    {
        // Every run draws into a new random id; the stored one need not even look like a GUID.
        Edit(text => ChartId().Replace(text, "bp-chart-from-another-run"));
        Assert.DoesNotMatch(ChartId(), File.ReadAllText(folder.File(Fixture)));
        var check = await CheckAsync();
        Assert.True(check.ExitCode == 0, check.ToString());
    }

    [Fact]
    public void A_lesson_chart_as_stored_compares_by_each_value_of_its_figure()
    {
        // A real chart output of lesson 03 (training curve, 5-2-4-3-3-1), in process.
        var stored = StoredChartOutput(RepoPaths.File("notebooks", "03-six-layer-network.ipynb"));
        var html = (string)stored["data"]!["text/html"]!;
        var y = html.IndexOf("\"y\":[", html.IndexOf("var figure=", StringComparison.Ordinal), StringComparison.Ordinal) + 5;
        var number = html[y..html.IndexOfAny([',', ']'], y)];
        var changed = With(stored, html[..y] + number + "1" + html[(y + number.Length)..]);

        var difference = Diff(stored, changed);
        Assert.NotNull(difference);
        Assert.Contains($"was \"data[0].y[0] = {number}\", now \"data[0].y[0] = {number}1\"", difference, StringComparison.Ordinal);

        var otherId = With(stored, ChartId().Replace(html, "bp-chart-0123456789abcdef0123456789abcdef"));
        Assert.NotEqual(html, (string)otherId["data"]!["text/html"]!);
        Assert.Null(Diff(stored, otherId));
    }

    private void Edit(Func<string, string> edit) => File.WriteAllText(folder.File(Fixture), edit(File.ReadAllText(folder.File(Fixture))));

    private Task<Backprop.Testing.ProcessResult> CheckAsync() => RunnerProcess.RunAsync(folder.Path, "run", Fixture, "--check", "--out", folder.Out);

    private static string ReplaceOnce(string text, string old, string replacement)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        Assert.True(at >= 0 && text.IndexOf(old, at + 1, StringComparison.Ordinal) < 0, $"the fixture should hold {old} exactly once");
        return text[..at] + replacement + text[(at + old.Length)..];
    }

    private static JsonObject StoredChartOutput(string notebook)
    {
        var cells = (JsonArray)JsonNode.Parse(File.ReadAllText(notebook))!["cells"]!;
        var output = cells.SelectMany(c => c?["outputs"] as JsonArray ?? []).OfType<JsonObject>()
            .First(o => o["data"]?["text/html"] is JsonNode h && string.Concat(h.AsArray().Select(l => (string?)l)).Contains("var figure=", StringComparison.Ordinal));
        var html = string.Concat(output["data"]!["text/html"]!.AsArray().Select(l => (string?)l));
        return With(output, html);
    }

    private static JsonObject With(JsonObject output, string html) => new()
    {
        ["data"] = new JsonObject { ["text/html"] = html },
        ["metadata"] = new JsonObject(),
        ["output_type"] = (string?)output["output_type"],
    };

    private static string? Diff(JsonObject stored, JsonObject fresh) =>
        OutputComparer.FirstDifference(OutputNormalizer.Normalize([stored.DeepClone()]), OutputNormalizer.Normalize([fresh.DeepClone()]));

    [GeneratedRegex("bp-chart-[0-9a-f]{32}")]
    private static partial Regex ChartId();
}
