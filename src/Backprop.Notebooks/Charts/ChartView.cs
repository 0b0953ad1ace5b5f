using System.Text;
using Plotly.NET;

namespace Backprop.Notebooks;

/// <summary>
/// A chart that works online and offline. Its HTML holds a static SVG drawing of the data
/// (<see cref="StaticPlot"/>) inside the element where Plotly draws the interactive chart; when
/// plotly.js loads (from its CDN, as Plotly.NET does by default) the interactive chart replaces
/// the drawing, and when it cannot load — offline, on GitHub, in an export — the drawing stays.
/// </summary>
public sealed class ChartView : IView
{
    /// <summary>A chart of <paramref name="spec"/>.</summary>
    public ChartView(PlotSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Spec = spec;
    }

    /// <summary>What the chart shows.</summary>
    public PlotSpec Spec { get; }

    /// <summary>The interactive Plotly.NET chart of the same data (long lines thinned, see <see cref="PlotSpec.Thinned"/>), to restyle or save.</summary>
    public GenericChart ToPlotly() => PlotlyFigure.Create(Spec.Thinned());

    /// <summary>The same chart with a logarithmic loss (y) axis, for curves that span decades.</summary>
    public ChartView WithLogY() => new(Spec with { LogY = true });

    /// <summary>The static drawing alone, as an &lt;svg&gt; element.</summary>
    public string ToSvg() => StaticPlot.ToSvg(Spec.Thinned());

    /// <inheritdoc />
    public string ToHtml()
    {
        var id = "bp-chart-" + Guid.NewGuid().ToString("N");
        var figure = GenericChart.toFigureJson(ToPlotly());
        return new StringBuilder()
            .Append("<div class=\"bp-chart\" id=\"").Append(id).Append("\" style=\"width:640px;min-height:360px\">")
            .Append("<div class=\"bp-static-fallback\">").Append(ToSvg()).Append("</div></div>")
            .Append(PlotlyLoader.Script(id, figure))
            .ToString();
    }

    /// <inheritdoc />
    public string ToText()
    {
        var text = new StringBuilder(Spec.Title).AppendLine();
        foreach (var s in Spec.Series)
        {
            var last = s.Y.Count == 0 ? double.NaN : s.Y[^1];
            text.Append("  ").Append(s.Name).Append(": ").Append(Html.Number(s.Y.Count)).Append(" points");
            if (s.Style == SeriesStyle.Line)
            {
                text.Append(", last ").Append(Html.Number(last, Html.DefaultFormat))
                .Append(", min ").Append(Html.Number(s.Y.Where(double.IsFinite).DefaultIfEmpty(double.NaN).Min(), Html.DefaultFormat));
            }

            text.AppendLine();
        }
        return text.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => ToText();
}
