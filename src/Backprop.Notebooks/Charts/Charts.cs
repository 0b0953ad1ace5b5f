namespace Backprop.Notebooks;

/// <summary>
/// The course's charts, each one call: loss per epoch, several runs compared, per-layer gradient
/// norms, a 2-D decision boundary, and plain line and scatter charts. Each returns a
/// <see cref="ChartView"/>: interactive when plotly.js loads, a static SVG otherwise.
/// </summary>
public static class Charts
{
    /// <summary>Loss per epoch of one run; <paramref name="logY"/> when it spans decades.</summary>
    public static ChartView Loss(TrainingHistory history, bool logY = false, string name = "loss")
    {
        ArgumentNullException.ThrowIfNull(history);
        return new(new PlotSpec($"Loss per epoch (final {Html.Number(history.FinalLoss)})", "epoch", "loss",
            [Series.PerEpoch(name, history.Losses)], logY));
    }

    /// <summary>Loss per epoch of a loop written by hand (lesson 06): one loss per epoch, from epoch 1; the title gets the final loss.</summary>
    public static ChartView Loss(IReadOnlyList<double> losses, string title = "", bool logY = false, string name = "loss")
    {
        ArgumentNullException.ThrowIfNull(losses);
        if (losses.Count == 0) throw new ArgumentException("A loss curve needs at least one epoch", nameof(losses));
        var final = losses[^1];
        var shown = Math.Abs(final) < 1e5 ? Html.Number(final) : Html.Number(final, "0.00e+00");   // a diverged run's last loss stays short
        var heading = $"{(string.IsNullOrEmpty(title) ? "Loss per epoch" : title)} (final {shown})";
        return new(new PlotSpec(heading, "epoch", "loss", [Series.PerEpoch(name, losses)], logY));
    }

    /// <summary>
    /// Several runs' losses on one chart, e.g. learning rates, initializers, depths or bias modes:
    /// <c>Charts.Losses([("α = 0.1", slow), ("α = 1", fast)], logY: true)</c>.
    /// </summary>
    public static ChartView Losses(IEnumerable<(string Name, TrainingHistory History)> runs, bool logY = false, string title = "Loss per epoch")
    {
        ArgumentNullException.ThrowIfNull(runs);
        var series = runs.Select(r => Series.PerEpoch(r.Name, r.History.Losses)).ToArray();
        if (series.Length == 0) throw new ArgumentException("Compare at least one run", nameof(runs));
        return new(new PlotSpec(title, "epoch", "loss", series, logY));
    }

    /// <summary>
    /// Each layer's gradient norm per epoch (log scale): layers whose line sinks towards 0 learn
    /// little — the vanishing gradient. Needs <c>RecordGradientNorms = true</c> when training.
    /// </summary>
    public static ChartView GradientNorms(TrainingHistory history, bool logY = true)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.GradientNorms.Count == 0)
            throw new ArgumentException("This run recorded no gradient norms: train with new TrainingOptions { RecordGradientNorms = true, … }", nameof(history));
        var series = history.LayerNames.Select((name, l) =>
            Series.PerEpoch($"‖∂L/∂W_{name}‖", history.GradientNorms.Select(epoch => epoch[l]).ToArray())).ToArray();
        return new(new PlotSpec("Gradient norm per layer", "epoch", "norm", series, logY));
    }

    /// <summary>
    /// A network with 2 inputs and 1 output over the plane: its output on a
    /// <paramref name="resolution"/>² grid as colour (the boundary is where it crosses 0.5),
    /// with the data set's instances on top, one colour per class.
    /// </summary>
    public static ChartView DecisionBoundary(Network network, Dataset data, int resolution = 40)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (network.InputSize != 2 || network.Output.Size != 1)
            throw new ArgumentException($"A decision boundary is drawn for 2 inputs and 1 output; this network is {string.Join("-", network.Sizes)}", nameof(network));
        return DecisionBoundary(network.Predict, data, resolution);
    }

    /// <summary>
    /// The same picture for any function from a batch of points (n×2) to outputs (n×1), e.g. a
    /// forward pass written by hand: <c>Charts.DecisionBoundary(grid => Forward(grid, W, b).O[^1], data)</c>.
    /// </summary>
    public static ChartView DecisionBoundary(Func<Matrix<double>, Matrix<double>> predict, Dataset data, int resolution = 40)
    {
        ArgumentNullException.ThrowIfNull(predict);
        ArgumentNullException.ThrowIfNull(data);
        if (data.X.ColumnCount != 2) throw new ShapeException($"{data.Name}: X {Shape.Of(data.X)} must have 2 columns to be drawn on a plane");
        if (resolution < 2) throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "The grid needs at least 2 points per side");
        var xs = Range(data.X.Column(0), resolution);
        var ys = Range(data.X.Column(1), resolution);
        var grid = Matrix<double>.Build.Dense(resolution * resolution, 2, (i, j) => j == 0 ? xs[i % resolution] : ys[i / resolution]);
        var output = predict(grid);
        if (output.RowCount != grid.RowCount || output.ColumnCount != 1)
            throw new ShapeException($"The prediction for the grid {Shape.Of(grid)} is {Shape.Of(output)}; it must be ({grid.RowCount}×1), one output per point");
        var z = Enumerable.Range(0, resolution).Select(r => (IReadOnlyList<double>)Enumerable.Range(0, resolution)
            .Select(c => output[r * resolution + c, 0]).ToArray()).ToArray();
        var classes = Enumerable.Range(0, data.Count).GroupBy(i => data.Y[i, 0] >= 0.5).OrderBy(g => g.Key)
            .Select(g => new Series(g.Key ? "class 1" : "class 0", g.Select(i => data.X[i, 0]).ToArray(),
                g.Select(i => data.X[i, 1]).ToArray(), SeriesStyle.Points, g.Key ? Colors.Positive : Colors.Negative)).ToArray();
        return new(new PlotSpec($"Decision boundary on {data.Name}", "x₁", "x₂", classes, false, new HeatmapGrid(xs, ys, z)));
    }

    /// <summary>A simple line chart of y against x, e.g. a perceptron's weights step by step.</summary>
    public static ChartView Line(IReadOnlyList<double> x, IReadOnlyList<double> y, string name = "y", string title = "", string xTitle = "x", string yTitle = "y", bool markers = false) =>
        new(new PlotSpec(title, xTitle, yTitle, [Checked(new Series(name, x, y, markers ? SeriesStyle.LineAndPoints : SeriesStyle.Line))]));

    /// <summary>Points (x, y), e.g. a truth table's four instances.</summary>
    public static ChartView Scatter(IReadOnlyList<double> x, IReadOnlyList<double> y, string name = "points", string title = "", string xTitle = "x", string yTitle = "y") =>
        new(new PlotSpec(title, xTitle, yTitle, [Checked(new Series(name, x, y, SeriesStyle.Points))]));

    /// <summary>Any combination of series, e.g. a perceptron's separating line over its data.</summary>
    public static ChartView Of(string title, string xTitle, string yTitle, params Series[] series) =>
        new(new PlotSpec(title, xTitle, yTitle, series.Select(Checked).ToArray()));

    private static Series Checked(Series s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.X.Count != s.Y.Count) throw new ArgumentException($"Series '{s.Name}' has {s.X.Count} x values and {s.Y.Count} y values", nameof(s));
        return s;
    }

    /// <summary><paramref name="count"/> evenly spaced values over the data's range, with a 10 % margin.</summary>
    private static double[] Range(Vector<double> values, int count)
    {
        var (min, max) = (values.Minimum(), values.Maximum());
        var margin = Math.Max(0.1 * (max - min), 0.1);
        return Enumerable.Range(0, count).Select(i => min - margin + (max - min + 2 * margin) * i / (count - 1)).ToArray();
    }
}
