using System.Text;

namespace Backprop.Notebooks;

/// <summary>
/// A network at a glance: one row per layer with its label (L95 …), size, activation σ, the
/// shape of W (k×j) — ((k+1)×j) when the bias is a row of W — and of b, and how many parameters
/// it trains; then the total and the bias mode. The shapes are the ones the trace tables use.
/// </summary>
public sealed class NetworkSummary : IView
{
    /// <summary>Summarises <paramref name="network"/>.</summary>
    public NetworkSummary(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        Network = network;
    }

    /// <summary>The network summarised.</summary>
    public Network Network { get; }

    private IEnumerable<string[]> Rows() =>
        new[] { new[] { Network.InputName, "input", Html.Number(Network.InputSize), "", "", "", "" } }
            .Concat(Network.Layers.Select(l => new[]
            {
                l.Name, l.PreviousName, Html.Number(l.Size), l.Activation.Name,
                Shape.Of(l.W).ToString(), l.B is null ? (l.BiasMode == BiasMode.OnesColumn ? "last row of W" : "—") : Shape.Of(l.B).ToString(),
                Html.Number(l.ParameterCount),
            }));

    private static readonly string[] Headers = ["layer", "fed by", "neurons", "activation", "W", "b", "parameters"];

    private string Footer => $"{string.Join("-", Network.Sizes)}: {Html.Number(Network.ParameterCount)} parameters, bias mode {Network.BiasMode}";

    /// <inheritdoc />
    public string ToHtml()
    {
        var html = new StringBuilder(Html.TableStyle).Append("<table class=\"bp-table bp-network\"><caption>")
            .Append(Html.Escape(Footer)).Append("</caption><tr>");
        foreach (var h in Headers) html.Append("<th>").Append(h).Append("</th>");
        html.Append("</tr>");
        foreach (var row in Rows())
        {
            html.Append("<tr class=\"bp-layer-row\">");
            foreach (var cell in row) html.Append("<td>").Append(Html.Escape(cell)).Append("</td>");
            html.Append("</tr>");
        }
        return html.Append("</table>").ToString();
    }

    /// <inheritdoc />
    public string ToText()
    {
        var rows = new[] { Headers }.Concat(Rows()).ToArray();
        var widths = Headers.Select((_, j) => rows.Max(r => r[j].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
            text.Append("  ").AppendJoin("  ", row.Select((c, j) => c.PadRight(widths[j]))).AppendLine();
        return text.AppendLine(Footer).ToString();
    }

    /// <inheritdoc />
    public override string ToString() => ToText();
}
