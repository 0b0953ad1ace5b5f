using System.Diagnostics;
using System.Text;

namespace Backprop.Notebooks;

/// <summary>
/// A classifier's training, epoch by epoch: the loss, and the accuracy on the training and test
/// sets, which the lesson measures itself in <c>OnEpoch</c>:
/// <code>
/// var curves = new AccuracyCurves();          // or AccuracyCurves.Live() to watch them grow
/// Trainer.Train(network, train.X, train.Y, new() { …,
///     OnEpoch = e => curves.Report(e, Classification.Accuracy(network, train), Classification.Accuracy(network, test)) });
/// curves.Complete()
/// </code>
/// Live, it works like <see cref="LiveLoss"/>: updates are throttled, and <see cref="Complete"/>
/// replaces the light static drawing with the interactive charts (end that line with a semicolon,
/// or the charts show twice).
/// </summary>
public sealed class AccuracyCurves
{
    private readonly List<double> losses = [], train = [], test = [];
    private readonly ILiveDisplay? display;
    private readonly TimeSpan interval;
    private readonly Func<TimeSpan> clock;
    private TimeSpan? lastShown;

    /// <summary>Curves that show nothing until <see cref="Complete"/> returns them.</summary>
    public AccuracyCurves() : this(null) { }

    /// <summary>Live curves on <paramref name="display"/>, for tests and other front ends.</summary>
    /// <param name="display">Where updates go; null shows nothing until <see cref="Complete"/>.</param>
    /// <param name="interval">The least time between two updates.</param>
    /// <param name="clock">Elapsed time since start; a stopwatch when null.</param>
    public AccuracyCurves(ILiveDisplay? display, TimeSpan? interval = null, Func<TimeSpan>? clock = null)
    {
        this.display = display;
        this.interval = interval ?? TimeSpan.FromMilliseconds(250);
        if (clock is null)
        {
            var watch = Stopwatch.StartNew();
            clock = () => watch.Elapsed;
        }
        this.clock = clock;
    }

    /// <summary>Curves that grow in the running notebook cell while training runs.</summary>
    public static AccuracyCurves Live() => new(KernelDisplay.TryCreate());

    /// <summary>The loss of each epoch reported so far.</summary>
    public IReadOnlyList<double> Losses => losses;

    /// <summary>The training set's accuracy after each epoch, from 0 to 1.</summary>
    public IReadOnlyList<double> TrainAccuracy => train;

    /// <summary>The test set's accuracy after each epoch, from 0 to 1.</summary>
    public IReadOnlyList<double> TestAccuracy => test;

    /// <summary>How many updates were shown (not counting <see cref="Complete"/>).</summary>
    public int Updates { get; private set; }

    /// <summary>Records one epoch: its report, and the accuracies (0 to 1) measured after it.</summary>
    public void Report(EpochReport report, double trainAccuracy, double testAccuracy)
    {
        ArgumentNullException.ThrowIfNull(report);
        losses.Add(report.Loss);
        train.Add(trainAccuracy);
        test.Add(testAccuracy);
        var now = clock();
        if (display is null || (lastShown is { } last && now - last < interval)) return;
        lastShown = now;
        Updates++;
        display.Show(new Progress(this, report.Epoch));
    }

    /// <summary>The loss per epoch.</summary>
    public ChartView LossChart() => new(LossSpec());

    /// <summary>Train and test accuracy per epoch, in percent.</summary>
    public ChartView AccuracyChart() => new(AccuracySpec());

    /// <summary>
    /// The loss chart and the accuracy chart, under <paramref name="history"/>'s summary (epochs,
    /// final loss, time) when given; when live, also shown in place of the live drawing.
    /// </summary>
    public TrainingCurves Complete(TrainingHistory? history = null)
    {
        var curves = new TrainingCurves([LossChart(), AccuracyChart()], history);
        display?.Show(curves);
        return curves;
    }

    private PlotSpec LossSpec() => new("Loss per epoch", "epoch", "loss", [Series.PerEpoch("loss", losses.ToArray())]);

    private PlotSpec AccuracySpec() => new("Accuracy per epoch", "epoch", "accuracy (%)",
        [Series.PerEpoch("train", train.Select(a => 100 * a).ToArray()), Series.PerEpoch("test", test.Select(a => 100 * a).ToArray())]);

    /// <summary>"epoch 12: loss 35.2, train 98.5 %, test 96.7 %".</summary>
    private string Line(int epoch) => losses.Count == 0 ? "" :
        $"epoch {Html.Number(epoch)}: loss {Html.Number(losses[^1], "0.000")}, train {Html.Number(100 * train[^1], "0.0")} %, test {Html.Number(100 * test[^1], "0.0")} %";

    /// <summary>What is shown while training runs: the latest numbers and both curves as static drawings.</summary>
    private sealed class Progress(AccuracyCurves live, int epoch) : IView
    {
        private readonly string line = live.Line(epoch);
        private readonly PlotSpec loss = live.LossSpec(), accuracy = live.AccuracySpec();

        public string ToText() => line;

        public string ToHtml() => new StringBuilder("<div class=\"bp-live\"><div style=\"font-family:monospace\">")
            .Append(Html.Escape(line)).Append("</div><div style=\"display:flex;flex-wrap:wrap\">")
            .Append(StaticPlot.ToSvg(loss)).Append(StaticPlot.ToSvg(accuracy)).Append("</div></div>").ToString();
    }
}

/// <summary>
/// Several charts shown together, side by side where the page is wide enough, optionally under a
/// training run's one-line summary.
/// </summary>
public sealed class TrainingCurves : IView
{
    /// <summary>Shows <paramref name="charts"/> in order, under <paramref name="history"/>'s summary when given.</summary>
    public TrainingCurves(IReadOnlyList<ChartView> charts, TrainingHistory? history = null)
    {
        ArgumentNullException.ThrowIfNull(charts);
        Charts = charts;
        History = history;
    }

    /// <summary>The charts, in order.</summary>
    public IReadOnlyList<ChartView> Charts { get; }

    /// <summary>The run summarised above the charts, if any.</summary>
    public TrainingHistory? History { get; }

    /// <summary>
    /// The summary line, then the charts. The time is wrapped in <c>&lt;span data-volatile&gt;</c>,
    /// as in <see cref="TrainingHistoryView"/>, so the runner's <c>--check</c> ignores it.
    /// </summary>
    public string ToHtml()
    {
        var html = new StringBuilder();
        if (History is { Epochs: > 0 } h)
        {
            html.Append("<div class=\"bp-summary\" style=\"font-family:monospace\">").Append(Html.Escape(new TrainingHistoryView(h).Summary))
                .Append($" <span style=\"color:#888\">in <span data-volatile>{Html.Escape(Html.Duration(h.Elapsed))}</span></span></div>");
        }

        return html.Append("<div class=\"bp-curves\" style=\"display:flex;flex-wrap:wrap;gap:8px\">")
            .AppendJoin("", Charts.Select(c => c.ToHtml())).Append("</div>").ToString();
    }

    /// <summary>The summary without the time, then each chart's text, so a stored text output reproduces exactly.</summary>
    public string ToText() =>
        (History is { Epochs: > 0 } h ? new TrainingHistoryView(h).Summary + Environment.NewLine : "") +
        string.Join(Environment.NewLine, Charts.Select(c => c.ToText()));

    /// <inheritdoc />
    public override string ToString() => ToText();
}
