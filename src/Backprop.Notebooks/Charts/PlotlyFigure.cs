using Plotly.NET;
using PlotlyChart = Plotly.NET.CSharp.Chart;

namespace Backprop.Notebooks;

/// <summary>
/// Turns a <see cref="PlotSpec"/> into an interactive Plotly.NET chart (zoom, hover, toggle series).
/// The only place that touches Plotly types, so nothing loads Plotly until a chart is shown.
/// </summary>
internal static class PlotlyFigure
{
    /// <summary>Builds and serialises one tiny chart, so the real ones find Plotly.NET's code compiled.</summary>
    public static void WarmUp()
    {
        try
        {
            GenericChart.toFigureJson(Create(new PlotSpec("", "", "", [new Series("", [1.0, 2.0], [1.0, 2.0])])));
        }
        catch (Exception e) when (e is IOException or TypeLoadException or InvalidOperationException)
        {
            // Only a head start: if it fails, the first real chart reports the problem itself.
        }
    }

    public static GenericChart Create(PlotSpec spec)
    {
        var traces = new List<GenericChart>();
        if (spec.Heatmap is { } grid)
        {
            traces.Add(PlotlyChart.Heatmap<double, double, double, string>(
                zData: grid.Z, X: new(grid.X, true), Y: new(grid.Y, true), Name: "output", ShowScale: false,
                ColorScale: StyleParam.Colorscale.NewCustom([Tuple.Create(0.0, Plotly.NET.Color.fromHex("#f4a582")),
                    Tuple.Create(0.5, Plotly.NET.Color.fromHex("#ffffff")), Tuple.Create(1.0, Plotly.NET.Color.fromHex("#92c5de"))])));
        }

        for (var i = 0; i < spec.Series.Count; i++)
        {
            var s = spec.Series[i];
            var color = Plotly.NET.Color.fromHex(spec.ColorOf(i));
            traces.Add(s.Style == SeriesStyle.Points
                ? PlotlyChart.Point<double, double, string>(s.X, s.Y, Name: s.Name, MarkerColor: color)
                : PlotlyChart.Line<double, double, string>(s.X, s.Y, Name: s.Name, ShowMarkers: s.Style == SeriesStyle.LineAndPoints,
                    LineColor: color, MarkerColor: color));
        }
        var chart = traces.Count == 1 ? traces[0] : PlotlyChart.Combine(traces);
        chart = Plotly.NET.CSharp.GenericChartExtensions.WithXAxisStyle<double, double, string>(chart, TitleText: spec.XTitle);
        chart = Plotly.NET.CSharp.GenericChartExtensions.WithYAxisStyle<double, double, string>(chart, TitleText: spec.YTitle,
            AxisType: spec.LogY ? StyleParam.AxisType.Log : StyleParam.AxisType.Linear);
        chart = Plotly.NET.Chart.withTitle(spec.Title, null).Invoke(chart);
        return Plotly.NET.CSharp.GenericChartExtensions.WithSize(chart, 640, 400);
    }
}
