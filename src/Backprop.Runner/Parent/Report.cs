using System.Globalization;
using Spectre.Console;

namespace Backprop.Runner.Parent;

/// <summary>The summary after a run: a table (notebook, cells, seconds, status) and every problem found.</summary>
public static class Report
{
    /// <summary>Writes the summary table and the problem messages; returns the exit code.</summary>
    /// <param name="console">Where to write.</param>
    /// <param name="runs">The runs, in order.</param>
    /// <param name="options">What was asked.</param>
    /// <param name="elapsed">The whole run's wall-clock time (notebooks overlap, so it is less than the sum), when known.</param>
    public static int Write(IAnsiConsole console, IReadOnlyList<NotebookRun> runs, RunOptions options, TimeSpan? elapsed = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(options);
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("notebook")
            .AddColumn(new TableColumn("cells").RightAligned())
            .AddColumn(new TableColumn("seconds").RightAligned())
            .AddColumn("status");
        foreach (var run in runs)
        {
            table.AddRow(
                Markup.Escape(run.Name),
                run.CodeCellCount.ToString(CultureInfo.InvariantCulture),
                run.Seconds.ToString("0.0", CultureInfo.InvariantCulture),
                StatusMarkup(run.Status));
        }

        console.Write(table);
        // Messages are plain lines, never wrapped in a table cell: logs and tests read them whole.
        foreach (var message in runs.SelectMany(r => r.Messages))
        {
            console.Profile.Out.Writer.WriteLine(message);
        }

        var passed = runs.Count(r => r.Status == RunStatus.Passed);
        var failed = runs.Count - passed;
        var writer = console.Profile.Out.Writer;
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Ran {runs.Count} notebook(s): {passed} passed, {failed} failed."));
        if (elapsed is { } total)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Total {total.TotalSeconds:0.0} s with up to {options.Workers} notebook(s) at a time."));
        }
        if (options.Update)
        {
            writer.WriteLine(failed == 0 ? "Outputs written back into the source notebooks." : "Nothing written back into the sources (the run failed).");
            foreach (var run in runs.Where(r => r.Reformatted))
            {
                writer.WriteLine($"{run.Name}: reformatted: it was not in the standard notebook layout, so it was written back in it (one-space indentation, keys in order, final newline, as nbformat and VS Code write it); apart from its outputs, only its layout changed.");
            }
        }

        return failed == 0 ? 0 : 1;
    }

    /// <summary>A status in words.</summary>
    public static string StatusText(RunStatus status) => status switch
    {
        RunStatus.Passed => "passed",
        RunStatus.Failed => "failed",
        RunStatus.TimedOut => "timed out",
        RunStatus.Crashed => "crashed",
        RunStatus.Invalid => "invalid",
        RunStatus.Differs => "outputs differ",
        _ => status.ToString(),
    };

    /// <summary>A status in colour.</summary>
    public static string StatusMarkup(RunStatus status) =>
        status == RunStatus.Passed ? $"[green]{StatusText(status)}[/]" : $"[red]{StatusText(status)}[/]";
}
