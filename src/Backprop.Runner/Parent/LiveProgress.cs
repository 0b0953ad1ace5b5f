using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Backprop.Runner.Parent;

/// <summary>
/// Progress as a live Spectre.Console table on a terminal: the notebook, the cell i/N and the
/// elapsed time, with one row per finished notebook above it.
/// </summary>
public sealed class LiveProgress : IProgressSink
{
    private readonly Lock _gate = new();
    private readonly List<NotebookRun> _finished = [];
    private readonly Stopwatch _notebookClock = new();
    private readonly Stopwatch _cellClock = new();
    private string? _current;
    private string _cellText = "starting kernel";

    /// <summary>Runs <paramref name="work"/> with the live display; refreshes it every 200 ms.</summary>
    public async Task<T> ShowAsync<T>(Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        T result = default!;
        await AnsiConsole.Live(Render()).AutoClear(true).StartAsync(async context =>
        {
            using var stop = new CancellationTokenSource();
            var ticker = TickAsync(context, stop.Token);
            try
            {
                result = await work();
            }
            finally
            {
                await stop.CancelAsync();
                await ticker;
            }
        });
        return result;
    }

    /// <inheritdoc/>
    public void NotebookStarted(string name, int codeCells)
    {
        lock (_gate)
        {
            _current = name;
            _cellText = "starting kernel";
            _notebookClock.Restart();
            _cellClock.Restart();
        }
    }

    /// <inheritdoc/>
    public void CellStarted(string name, int cell, int index, int codeCells)
    {
        lock (_gate)
        {
            _cellText = string.Create(CultureInfo.InvariantCulture, $"cell {index}/{codeCells} (#{cell})");
            _cellClock.Restart();
        }
    }

    /// <inheritdoc/>
    public void NotebookFinished(NotebookRun run)
    {
        lock (_gate)
        {
            _finished.Add(run);
            _current = null;
        }
    }

    private async Task TickAsync(LiveDisplayContext context, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                context.UpdateTarget(Render());
            }
        }
        catch (OperationCanceledException)
        {
            // The work finished.
        }
    }

    private IRenderable Render()
    {
        lock (_gate)
        {
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("notebook").AddColumn("cell").AddColumn(new TableColumn("elapsed").RightAligned());
            foreach (var run in _finished)
            {
                table.AddRow(Markup.Escape(run.Name), Report.StatusMarkup(run.Status),
                    string.Create(CultureInfo.InvariantCulture, $"{run.Seconds:0.0} s"));
            }

            if (_current is not null)
            {
                table.AddRow(
                    $"[bold]{Markup.Escape(_current)}[/]",
                    Markup.Escape(_cellText),
                    string.Create(CultureInfo.InvariantCulture, $"{_notebookClock.Elapsed.TotalSeconds:0.0} s (cell {_cellClock.Elapsed.TotalSeconds:0.0} s)"));
            }

            return table;
        }
    }
}
