using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Backprop.Runner.Parent;

/// <summary>
/// Progress as a live Spectre.Console table on a terminal: one row per finished notebook, then
/// one per running notebook (several run side by side) with its cell i/N and elapsed time.
/// </summary>
public sealed class LiveProgress : IProgressSink
{
    private readonly Lock gate = new();
    private readonly List<NotebookRun> finishedRuns = [];
    private readonly List<Running> runningRuns = [];

    private sealed class Running(string name)
    {
        public string Name { get; } = name;
        public Stopwatch NotebookClock { get; } = Stopwatch.StartNew();
        public Stopwatch CellClock { get; } = Stopwatch.StartNew();
        public string CellText { get; set; } = "starting kernel";
    }

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
        lock (gate)
        {
            runningRuns.Add(new Running(name));
        }
    }

    /// <inheritdoc/>
    public void CellStarted(string name, int cell, int index, int codeCells)
    {
        lock (gate)
        {
            if (runningRuns.Find(r => r.Name == name) is not { } running) return;
            running.CellText = string.Create(CultureInfo.InvariantCulture, $"cell {index}/{codeCells} (#{cell})");
            running.CellClock.Restart();
        }
    }

    /// <inheritdoc/>
    public void NotebookFinished(NotebookRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        lock (gate)
        {
            finishedRuns.Add(run);
            runningRuns.RemoveAll(r => r.Name == run.Name);
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
        lock (gate)
        {
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("notebook").AddColumn("cell").AddColumn(new TableColumn("elapsed").RightAligned());
            foreach (var run in finishedRuns)
            {
                table.AddRow(Markup.Escape(run.Name), Report.StatusMarkup(run.Status),
                    string.Create(CultureInfo.InvariantCulture, $"{run.Seconds:0.0} s"));
            }

            foreach (var running in runningRuns)
            {
                table.AddRow(
                    $"[bold]{Markup.Escape(running.Name)}[/]",
                    Markup.Escape(running.CellText),
                    string.Create(CultureInfo.InvariantCulture, $"{running.NotebookClock.Elapsed.TotalSeconds:0.0} s (cell {running.CellClock.Elapsed.TotalSeconds:0.0} s)"));
            }

            return table;
        }
    }
}
