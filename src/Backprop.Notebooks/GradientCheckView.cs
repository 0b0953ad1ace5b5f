using System.Text;

namespace Backprop.Notebooks;

/// <summary>
/// A gradient check as a table: per layer, how many parameters were compared, the worst one with
/// its analytic ∂L/∂w and finite-difference slope, their relative error and the verdict, then
/// the overall verdict with the thresholds it was judged by. Wrong rows stand out in red.
/// </summary>
public sealed class GradientCheckView : IView
{
    /// <summary>Shows <paramref name="result"/>.</summary>
    public GradientCheckView(GradientCheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Result = result;
    }

    /// <summary>The check shown.</summary>
    public GradientCheckResult Result { get; }

    private static readonly string[] Headers = ["layer", "checked", "worst", "analytic", "numeric", "relative error", "verdict"];

    private static string[] Cells(LayerCheck l) =>
    [
        l.Layer, Html.Number(l.Checked), $"{l.Worst.Parameter}[{Html.Number(l.Worst.Row)},{Html.Number(l.Worst.Column)}]",
        Html.Number(l.Worst.Analytic, "0.000000e+00"), Html.Number(l.Worst.Numeric, "0.000000e+00"),
        Html.Number(l.MaxRelativeError, "0.00e+00"), l.Verdict.ToString(),
    ];

    private string Summary =>
        $"verdict: {Result.Verdict} (max relative error {Html.Number(Result.MaxRelativeError, "0.00e+00")}; " +
        $"correct ≤ {Html.Number(GradientCheck.CorrectAtMost, "0e+00")}, wrong > {Html.Number(GradientCheck.WrongAbove, "0e+00")})";

    /// <inheritdoc />
    public string ToHtml()
    {
        var html = new StringBuilder(Html.TableStyle).Append("<table class=\"bp-table bp-gradient-check\"><caption>")
            .Append(Html.Escape(Summary)).Append("</caption><tr>");
        foreach (var h in Headers) html.Append("<th>").Append(h).Append("</th>");
        html.Append("</tr>");
        foreach (var layer in Result.Layers)
        {
            var css = layer.Verdict == GradientVerdict.Correct ? "bp-good" : "bp-bad";
            html.Append("<tr class=\"bp-check-row\">");
            foreach (var cell in Cells(layer)) html.Append("<td>").Append(Html.Escape(cell)).Append("</td>");
            html.Replace($"<td>{layer.Verdict}</td>", $"<td class=\"{css}\">{layer.Verdict}</td>").Append("</tr>");
        }
        return html.Append("</table>").ToString();
    }

    /// <inheritdoc />
    public string ToText()
    {
        var rows = new[] { Headers }.Concat(Result.Layers.Select(Cells)).ToArray();
        var widths = Headers.Select((_, j) => rows.Max(r => r[j].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
            text.Append("  ").AppendJoin("  ", row.Select((c, j) => c.PadRight(widths[j]))).AppendLine();
        return text.AppendLine(Summary).ToString();
    }

    /// <inheritdoc />
    public override string ToString() => ToText();
}
