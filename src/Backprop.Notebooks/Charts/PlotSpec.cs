namespace Backprop.Notebooks;

/// <summary>How a series is drawn: a line, points, or both.</summary>
public enum SeriesStyle
{
    /// <summary>A line through the points, e.g. loss per epoch.</summary>
    Line,

    /// <summary>Separate markers, e.g. the instances of a data set.</summary>
    Points,

    /// <summary>A line with a marker at each point, e.g. a perceptron's few steps.</summary>
    LineAndPoints,
}

/// <summary>One named set of (x, y) values on a chart.</summary>
/// <param name="Name">The legend's label, e.g. "α = 0.1".</param>
/// <param name="X">x values, e.g. epochs 1…N.</param>
/// <param name="Y">y values, same count as <paramref name="X"/>.</param>
/// <param name="Style">Line, points or both.</param>
/// <param name="Color">A CSS colour; null picks the next of <see cref="PlotSpec.Palette"/>.</param>
public sealed record Series(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y, SeriesStyle Style = SeriesStyle.Line, string? Color = null)
{
    /// <summary>A line over x = 1, 2, 3 …: the shape of a per-epoch record.</summary>
    public static Series PerEpoch(string name, IReadOnlyList<double> values) =>
        new(name, Enumerable.Range(1, values.Count).Select(i => (double)i).ToArray(), values);

    /// <summary>
    /// The same line with at most about <paramref name="maxPoints"/> points: a chart 640 pixels wide
    /// cannot show 5000 epochs one by one, and every point costs time to serialise and bytes in the
    /// stored notebook. The x range is cut into buckets and each bucket keeps its lowest and
    /// highest point, so spikes and the first and last values survive. Point sets are left whole.
    /// </summary>
    public Series Thinned(int maxPoints = 600)
    {
        var count = Math.Min(X.Count, Y.Count);
        if (Style == SeriesStyle.Points || count <= maxPoints || maxPoints < 4) return this;
        var buckets = maxPoints / 2;
        var keep = new SortedSet<int> { 0, count - 1 };
        for (var b = 0; b < buckets; b++)
        {
            var (start, end) = ((int)((long)b * count / buckets), (int)((long)(b + 1) * count / buckets));
            int low = start, high = start;
            for (var i = start; i < end; i++)
            {
                if (Y[i] < Y[low] || double.IsNaN(Y[low])) low = i;
                if (Y[i] > Y[high] || double.IsNaN(Y[high])) high = i;
            }
            keep.Add(low);
            keep.Add(high);
        }
        return this with { X = keep.Select(i => X[i]).ToArray(), Y = keep.Select(i => Y[i]).ToArray() };
    }
}

/// <summary>
/// Values over a grid, drawn as coloured cells under the series: a network's output over the
/// plane, whose colour change is the decision boundary.
/// </summary>
/// <param name="X">Grid x values, left to right.</param>
/// <param name="Y">Grid y values, bottom to top.</param>
/// <param name="Z">Z[row for y][column for x], the value at each grid point, expected in [0, 1].</param>
public sealed record HeatmapGrid(IReadOnlyList<double> X, IReadOnlyList<double> Y, IReadOnlyList<IReadOnlyList<double>> Z);

/// <summary>
/// Everything a chart shows, independent of how it is drawn: the Plotly figure and the static SVG
/// are both made from one spec, so the offline picture always shows the same data.
/// </summary>
/// <param name="Title">Above the chart.</param>
/// <param name="XTitle">Under the x axis.</param>
/// <param name="YTitle">Beside the y axis.</param>
/// <param name="Series">The lines and point sets, drawn in order.</param>
/// <param name="LogY">Plot y on a log scale (loss curves spanning decades).</param>
/// <param name="Heatmap">Optional background grid of values.</param>
public sealed record PlotSpec(string Title, string XTitle, string YTitle, IReadOnlyList<Series> Series, bool LogY = false, HeatmapGrid? Heatmap = null)
{
    /// <summary>Plotly's default colour sequence, used by both renderings so colours match.</summary>
    public static readonly IReadOnlyList<string> Palette =
        ["#636efa", "#ef553b", "#00cc96", "#ab63fa", "#ffa15a", "#19d3f3", "#ff6692", "#b6e880", "#ff97ff", "#fecb52"];

    /// <summary>The colour series <paramref name="index"/> is drawn in.</summary>
    public string ColorOf(int index) => Series[index].Color ?? Palette[index % Palette.Count];

    /// <summary>This spec with every line <see cref="Series.Thinned"/>: what both renderings draw.</summary>
    public PlotSpec Thinned(int maxPointsPerSeries = 600) =>
        this with { Series = Series.Select(s => s.Thinned(maxPointsPerSeries)).ToArray() };
}
