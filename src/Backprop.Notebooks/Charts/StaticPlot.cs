using System.Text;

namespace Backprop.Notebooks;

/// <summary>
/// Draws a <see cref="PlotSpec"/> as a static SVG — axes, ticks, lines, points, an optional
/// heatmap and a legend — with no JavaScript, so a chart stays readable offline, in an exported
/// notebook and on GitHub. Long series are thinned to about 600 points: a picture, not the data.
/// </summary>
public static class StaticPlot
{
    private const double Width = 640, Height = 360, Left = 64, Right = 470, Top = 34, Bottom = 310;

    /// <summary>The chart as a standalone &lt;svg&gt; element.</summary>
    public static string ToSvg(PlotSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var xs = spec.Series.SelectMany(s => s.X).Concat(spec.Heatmap?.X ?? []);
        var ys = spec.Series.SelectMany(s => s.Y).Concat(spec.Heatmap?.Y ?? []);
        var x = new Axis(xs, false, Left, Right);
        var y = new Axis(ys, spec.LogY, Bottom, Top);
        var svg = new StringBuilder()
            .Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bp-static-plot\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"11\">")
            .Append($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>")
            .Append($"<text x=\"{Width / 2}\" y=\"20\" text-anchor=\"middle\" font-size=\"14\">{Html.Escape(spec.Title)}</text>");
        if (spec.Heatmap is { } grid) AppendHeatmap(svg, grid, x, y);
        AppendAxes(svg, spec, x, y);
        for (var i = 0; i < spec.Series.Count; i++) AppendSeries(svg, spec.Series[i], spec.ColorOf(i), x, y);
        AppendLegend(svg, spec);
        return svg.Append("</svg>").ToString();
    }

    private static string P(double v) => Html.Number(v, "0.#");

    private static void AppendAxes(StringBuilder svg, PlotSpec spec, Axis x, Axis y)
    {
        svg.Append($"<g class=\"bp-axes\" stroke=\"#444\"><line x1=\"{Left}\" y1=\"{Bottom}\" x2=\"{Right}\" y2=\"{Bottom}\"/><line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Bottom}\"/></g>");
        foreach (var (value, label) in x.Ticks())
        {
            svg.Append($"<line x1=\"{P(x.Pixel(value))}\" y1=\"{Bottom}\" x2=\"{P(x.Pixel(value))}\" y2=\"{Bottom + 4}\" stroke=\"#444\"/>")
               .Append($"<text class=\"bp-tick\" x=\"{P(x.Pixel(value))}\" y=\"{Bottom + 16}\" text-anchor=\"middle\">{Html.Escape(label)}</text>");
        }

        foreach (var (value, label) in y.Ticks())
        {
            svg.Append($"<line x1=\"{Left}\" y1=\"{P(y.Pixel(value))}\" x2=\"{Right}\" y2=\"{P(y.Pixel(value))}\" stroke=\"#eee\"/>")
               .Append($"<text class=\"bp-tick\" x=\"{Left - 6}\" y=\"{P(y.Pixel(value) + 4)}\" text-anchor=\"end\">{Html.Escape(label)}</text>");
        }

        svg.Append($"<text x=\"{(Left + Right) / 2}\" y=\"{Height - 14}\" text-anchor=\"middle\">{Html.Escape(spec.XTitle)}</text>")
           .Append($"<text x=\"16\" y=\"{(Top + Bottom) / 2}\" text-anchor=\"middle\" transform=\"rotate(-90 16 {(Top + Bottom) / 2})\">{Html.Escape(spec.YTitle + (spec.LogY ? " (log)" : ""))}</text>");
    }

    private static void AppendSeries(StringBuilder svg, Series series, string color, Axis x, Axis y)
    {
        var count = Math.Min(series.X.Count, series.Y.Count);
        var stride = Math.Max(1, count / 600);
        var points = Enumerable.Range(0, count).Where(i => i % stride == 0 || i == count - 1)
            .Where(i => double.IsFinite(series.X[i]) && y.CanShow(series.Y[i]))
            .Select(i => (X: x.Pixel(series.X[i]), Y: y.Pixel(series.Y[i]))).ToArray();
        svg.Append($"<g class=\"bp-series\" data-name=\"{Html.Escape(series.Name)}\" data-points=\"{count}\">");
        if (series.Style != SeriesStyle.Points && points.Length > 0)
        {
            svg.Append($"<polyline fill=\"none\" stroke=\"{Html.Escape(color)}\" stroke-width=\"2\" points=\"")
               .AppendJoin(' ', points.Select(p => $"{P(p.X)},{P(p.Y)}")).Append("\"/>");
        }

        if (series.Style != SeriesStyle.Line)
        {
            foreach (var p in points)
                svg.Append($"<circle cx=\"{P(p.X)}\" cy=\"{P(p.Y)}\" r=\"3.5\" fill=\"{Html.Escape(color)}\" stroke=\"white\" stroke-width=\"0.8\"/>");
        }

        svg.Append("</g>");
    }

    private static void AppendHeatmap(StringBuilder svg, HeatmapGrid grid, Axis x, Axis y)
    {
        svg.Append("<g class=\"bp-heatmap\">");
        for (var r = 0; r < grid.Y.Count; r++)
        {
            for (var c = 0; c < grid.X.Count; c++)
            {
                var (x0, x1) = Edges(grid.X, c, x);
                var (y0, y1) = Edges(grid.Y, r, y);
                svg.Append($"<rect x=\"{P(Math.Min(x0, x1))}\" y=\"{P(Math.Min(y0, y1))}\" width=\"{P(Math.Abs(x1 - x0) + 0.5)}\" height=\"{P(Math.Abs(y1 - y0) + 0.5)}\" fill=\"{Colors.Diverging(grid.Z[r][c])}\"/>");
            }
        }

        svg.Append("</g>");
    }

    /// <summary>The pixel edges of grid cell <paramref name="i"/>: half-way to its neighbours.</summary>
    private static (double, double) Edges(IReadOnlyList<double> values, int i, Axis axis)
    {
        var before = i > 0 ? (values[i - 1] + values[i]) / 2 : values[i] - (values.Count > 1 ? (values[1] - values[0]) / 2 : 0.5);
        var after = i < values.Count - 1 ? (values[i] + values[i + 1]) / 2 : values[i] + (values.Count > 1 ? (values[i] - values[i - 1]) / 2 : 0.5);
        return (axis.Pixel(before), axis.Pixel(after));
    }

    private static void AppendLegend(StringBuilder svg, PlotSpec spec)
    {
        for (var i = 0; i < spec.Series.Count; i++)
        {
            var top = Top + 6 + 18 * i;
            svg.Append($"<g class=\"bp-legend-item\"><line x1=\"{Right + 14}\" y1=\"{top}\" x2=\"{Right + 34}\" y2=\"{top}\" stroke=\"{Html.Escape(spec.ColorOf(i))}\" stroke-width=\"3\"/>")
               .Append($"<text x=\"{Right + 40}\" y=\"{top + 4}\">{Html.Escape(spec.Series[i].Name)}</text></g>");
        }
    }
}
