using System.Globalization;
using System.Text;
using Backprop.Site;

namespace Backprop.Runner.Comparison;

/// <summary>
/// A chart output (text/html whose scripts call <c>Plotly.newPlot</c>) in the form <c>--check</c>
/// compares. Each chart's figure, read by the site's <see cref="PlotlyFigure"/> (the course's
/// <c>var figure=</c> and Plotly.NET's <c>var data = …</c> alike), comes first as its canonical
/// text, one line per value; then the rest of the HTML, with each chart script replaced by a
/// placeholder and each chart's element id by <c>{chart N}</c>. So the static fallback drawing
/// inside the chart's element is compared too, while the random element ids, script variable
/// names and the way plotly.js is loaded are not.
/// </summary>
public static class PlotlyChart
{
    /// <summary>The chart output's canonical text, or null when the HTML calls no Plotly chart.</summary>
    public static string? TryExtract(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var scripts = PlotlyFigure.FindScripts(html);
        if (scripts.Count == 0)
        {
            return null;
        }

        var figures = new StringBuilder();
        var rest = new StringBuilder(html.Length);
        var position = 0;
        for (var i = 0; i < scripts.Count; i++)
        {
            var (start, end, figure) = scripts[i];
            var name = Invariant($"plotly figure {i + 1}");
            rest.Append(html, position, start - position);
            if (figure is null)
            {
                // A chart script this reader does not know is compared as it is, character for character.
                rest.Append(html, start, end - start);
            }
            else
            {
                figures.Append(name).Append(":\n").Append(figure.ToCanonicalText());
                rest.Append("<script>").Append(name).Append("</script>");
            }

            position = end;
        }

        rest.Append(html, position, html.Length - position);
        var text = rest.ToString();
        var chart = 0;
        foreach (var id in scripts.Select(s => s.Figure?.ElementId).OfType<string>().Where(id => id.Length > 0).Distinct(StringComparer.Ordinal))
        {
            text = text.Replace(id, Invariant($"{{chart {++chart}}}"), StringComparison.Ordinal);
        }

        return figures.Append("html: ").Append(text).ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
