using System.Diagnostics;
using System.Text;

namespace Backprop.Notebooks;

/// <summary>
/// A loss curve that grows while a training cell runs, then becomes the interactive chart:
/// <code>
/// var live = LiveLoss.Show();
/// var history = Trainer.Train(network, X, Y, new() { Epochs = 2000, OnEpoch = live.Report });
/// live.Complete();
/// </code>
/// Updates are throttled (4 a second by default): redrawing every epoch would cost more than the
/// training. While running, the output is a light static SVG; <see cref="Complete"/> replaces it
/// with the full <see cref="ChartView"/>. Outside a notebook nothing is shown until Complete.
/// </summary>
public sealed class LiveLoss
{
    private readonly List<double> losses = [];
    private readonly ILiveDisplay? display;
    private readonly TimeSpan interval;
    private readonly Func<TimeSpan> clock;
    private TimeSpan? lastShown;

    /// <summary>A live chart on <paramref name="display"/>, for tests and other front ends.</summary>
    /// <param name="display">Where updates go; null shows nothing until <see cref="Complete"/>.</param>
    /// <param name="title">The chart's title.</param>
    /// <param name="logY">Log scale for the loss.</param>
    /// <param name="interval">The least time between two updates.</param>
    /// <param name="clock">Elapsed time since start; a stopwatch when null.</param>
    public LiveLoss(ILiveDisplay? display, string title = "Loss per epoch", bool logY = false, TimeSpan? interval = null, Func<TimeSpan>? clock = null)
    {
        this.display = display;
        this.interval = interval ?? TimeSpan.FromMilliseconds(250);
        Title = title;
        LogY = logY;
        if (clock is null)
        {
            var watch = Stopwatch.StartNew();
            clock = () => watch.Elapsed;
        }
        this.clock = clock;
    }

    /// <summary>Starts a live chart in the running notebook cell.</summary>
    public static LiveLoss Show(string title = "Loss per epoch", bool logY = false) => new(KernelDisplay.TryCreate(), title, logY);

    /// <summary>The chart's title.</summary>
    public string Title { get; }

    /// <summary>Log scale for the loss.</summary>
    public bool LogY { get; }

    /// <summary>Losses reported so far, one per epoch.</summary>
    public IReadOnlyList<double> Losses => losses;

    /// <summary>How many updates were shown (not counting <see cref="Complete"/>).</summary>
    public int Updates { get; private set; }

    /// <summary>Records one epoch; pass it as <c>OnEpoch = live.Report</c>.</summary>
    public void Report(EpochReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        losses.Add(report.Loss);
        var now = clock();
        if (display is null || (lastShown is { } last && now - last < interval)) return;
        lastShown = now;
        Updates++;
        display.Show(new Progress(Spec(), report));
    }

    /// <summary>Shows the final, interactive chart in place of the live one, and returns it.</summary>
    public ChartView Complete()
    {
        var chart = new ChartView(Spec());
        display?.Show(chart);
        return chart;
    }

    private PlotSpec Spec() => new(Title, "epoch", "loss", [Series.PerEpoch("loss", losses.ToArray())], LogY);

    /// <summary>What is shown while training runs: the epoch, the loss and the static curve.</summary>
    private sealed class Progress(PlotSpec spec, EpochReport report) : IView
    {
        public string ToText() => $"epoch {Html.Number(report.Epoch)}: loss {Html.Number(report.Loss)}";

        public string ToHtml() => new StringBuilder("<div class=\"bp-live\"><div style=\"font-family:monospace\">")
            .Append(Html.Escape(ToText())).Append("</div>").Append(StaticPlot.ToSvg(spec)).Append("</div>").ToString();
    }
}
