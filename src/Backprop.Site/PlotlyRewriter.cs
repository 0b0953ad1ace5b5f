using System.Text;
using System.Text.Json;

namespace Backprop.Site;

/// <summary>
/// Makes chart outputs work offline. A chart's HTML (Plotly.NET's formatter, or the course's
/// <c>ChartView</c>) draws with a script that fetches require.js and plotly.js from CDNs; each such
/// script is replaced by <c>bpPlot(id, figure)</c>, which draws the same figure (read by
/// <see cref="PlotlyFigure"/>) with the site's one local copy of plotly.js. The chart's element,
/// and any static SVG fallback inside it, stay as they are, so with scripts off the fallback
/// still shows. The figure is re-serialized with <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> escaped,
/// so its text cannot close the script.
/// </summary>
public static class PlotlyRewriter
{
    /// <summary>The HTML with every Plotly script rewritten; <paramref name="charts"/> counts them.</summary>
    public static string Rewrite(string html, out int charts)
    {
        ArgumentNullException.ThrowIfNull(html);
        charts = 0;
        var result = new StringBuilder(html.Length);
        var position = 0;
        foreach (var script in PlotlyFigure.FindScripts(html))
        {
            result.Append(html, position, script.Start - position);
            // A chart script we cannot read is dropped: whatever fallback the element holds stays.
            if (script.Figure is { } chart)
            {
                charts++;
                result.Append("<script>bpPlot(").Append(JsonSerializer.Serialize(chart.ElementId)).Append(", ")
                    .Append(chart.Figure.ToJsonString()).Append(");</script>");
            }

            position = script.End;
        }

        return result.Append(html, position, html.Length - position).ToString();
    }
}
