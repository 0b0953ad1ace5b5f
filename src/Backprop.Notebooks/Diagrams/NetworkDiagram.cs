using System.Text;

namespace Backprop.Notebooks;

/// <summary>
/// The network drawn as the article draws it, as a static SVG (no script, readable offline and on
/// GitHub): one column per layer labelled L95 … L100, each neuron split into Z | O (before and
/// after σ), every weight a line whose colour is its sign (blue +, orange −) and whose width is
/// its size. A ones-column bias is a neuron "1" connected only to the next layer. Overlays write
/// a forward pass's Z and O into the nodes and ∂L/∂O in red beside them; highlighted layers get
/// a shaded band. Elements carry classes and data attributes (bp-neuron, bp-edge) for tests.
/// </summary>
public sealed class NetworkDiagram : IView
{
    private const string WeightPositive = "#2166ac", WeightNegative = "#e08214", Loss = "#c0392b";

    /// <summary>Draws <paramref name="network"/> with <paramref name="options"/>.</summary>
    public NetworkDiagram(Network network, DiagramOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        Network = network;
        Options = options ?? new DiagramOptions();
        if (Options.Forward is { } f && (Options.Instance < 0 || Options.Instance >= f.X.RowCount))
            throw new ArgumentOutOfRangeException(nameof(options), Options.Instance, $"The forward pass has instances 0 to {f.X.RowCount - 1}");
        Layout = new DiagramLayout(network, Options.MaxNeuronsPerLayer);
    }

    /// <summary>The network drawn.</summary>
    public Network Network { get; }

    /// <summary>The overlays and limits.</summary>
    public DiagramOptions Options { get; }

    private DiagramLayout Layout { get; }

    /// <summary>The drawing as a standalone &lt;svg&gt; element.</summary>
    public string ToSvg()
    {
        var svg = new StringBuilder().Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bp-network-diagram\" width=\"{Layout.Width}\" height=\"{Layout.Height}\" ")
            .Append($"viewBox=\"0 0 {Layout.Width} {Layout.Height}\" font-family=\"sans-serif\" font-size=\"11\">")
            .Append($"<rect width=\"{Layout.Width}\" height=\"{Layout.Height}\" fill=\"white\"/>")
            .Append($"<text x=\"{DiagramLayout.Left}\" y=\"18\" font-size=\"13\" font-weight=\"bold\">{Html.Escape(Options.Title ?? Network.ToString())}</text>")
            .Append($"<text class=\"bp-legend\" x=\"{DiagramLayout.Left}\" y=\"{P(Layout.Height - 10)}\" font-size=\"10\" fill=\"#555\">each weight a line: ")
            .Append($"<tspan fill=\"{WeightPositive}\">blue positive</tspan>, <tspan fill=\"{WeightNegative}\">orange negative</tspan>, thicker = larger")
            .Append(Options.Gradients is null ? "" : $"; <tspan fill=\"{Loss}\">red: ∂L/∂O</tspan>").Append("</text>");
        AppendHighlights(svg);
        for (var c = 0; c < Layout.Columns.Count; c++) AppendHeader(svg, c);
        for (var c = 1; c < Layout.Columns.Count; c++) AppendEdges(svg, c);
        for (var c = 0; c < Layout.Columns.Count; c++) AppendNodes(svg, c);
        AppendMarks(svg);
        return svg.Append("</svg>").ToString();
    }

    private static string P(double v) => Html.Number(v, "0.#");

    /// <summary>One shaded band per run of adjacent highlighted layers, so "the last two layers" read as one group.</summary>
    private void AppendHighlights(StringBuilder svg)
    {
        for (var c = 0; c < Layout.Columns.Count; c++)
        {
            if (!Options.Highlight.Contains(Layout.Columns[c])) continue;
            var last = c;
            while (last + 1 < Layout.Columns.Count && Options.Highlight.Contains(Layout.Columns[last + 1])) last++;
            var (x1, x2) = (Layout.X(c) - 16, Layout.X(last) + DiagramLayout.NodeWidth + 16);
            var names = string.Join(" ", Layout.Columns.Skip(c).Take(last - c + 1));
            svg.Append($"<rect class=\"bp-highlight\" data-layer=\"{names}\" x=\"{P(x1)}\" y=\"26\" width=\"{P(x2 - x1)}\" height=\"{P(Layout.Height - 30)}\" rx=\"8\" fill=\"#fff3bf\"/>");
            c = last;
        }
    }

    private void AppendHeader(StringBuilder svg, int c)
    {
        var name = Layout.Columns[c];
        var x = Layout.X(c);
        var caption = c == 0 ? $"input ({Layout.Sizes[c]})" : $"{Network.Layers[c - 1].Activation.Name} ({Layout.Sizes[c]})";
        svg.Append($"<text class=\"bp-layer-label\" x=\"{P(x + DiagramLayout.NodeWidth / 2)}\" y=\"40\" text-anchor=\"middle\" font-weight=\"bold\">{name}</text>")
           .Append($"<text x=\"{P(x + DiagramLayout.NodeWidth / 2)}\" y=\"53\" text-anchor=\"middle\" fill=\"#666\" font-size=\"10\">{Html.Escape(caption)}</text>");
    }

    /// <summary>A coloured frame around each marked layer's neurons, and the marks' labels.</summary>
    private void AppendMarks(StringBuilder svg)
    {
        foreach (var mark in Options.Marks)
        {
            var c = Layout.Columns.ToList().IndexOf(mark.Layer);
            if (c < 0) throw new ArgumentException($"The diagram has no layer {mark.Layer} to mark; its layers are {string.Join(", ", Layout.Columns)}");
            var (top, bottom) = (Layout.Y(c, 0) - DiagramLayout.NodeHeight / 2 - 6, Layout.Y(c, Layout.Shown[c].Count - 1) + DiagramLayout.NodeHeight / 2 + 6);
            if (mark.Part == DiagramPart.Neurons)
                svg.Append($"<rect class=\"bp-mark\" data-layer=\"{Html.Escape(mark.Layer)}\" data-part=\"neurons\" x=\"{P(Layout.X(c) - 6)}\" y=\"{P(top)}\" width=\"{P(DiagramLayout.NodeWidth + 12)}\" height=\"{P(bottom - top)}\" rx=\"6\" fill=\"none\" stroke=\"{Html.Escape(mark.Colour)}\" stroke-width=\"3\"/>");
            if (mark.Label is { } label)
            {
                var x = mark.Part == DiagramPart.Neurons ? Layout.X(c) + DiagramLayout.NodeWidth / 2 : (Layout.X(c - 1) + DiagramLayout.NodeWidth + Layout.X(c)) / 2;
                var y = mark.Part == DiagramPart.Neurons ? bottom + 13 : 68.0; // weights: just under the layer headers, clear of the ∂L labels
                svg.Append($"<text class=\"bp-mark-label\" data-layer=\"{Html.Escape(mark.Layer)}\" x=\"{P(x)}\" y=\"{P(y)}\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"{Html.Escape(mark.Colour)}\">{Html.Escape(label)}</text>");
            }
        }
    }

    private void AppendEdges(StringBuilder svg, int c)
    {
        var layer = Network.Layers[c - 1];
        var colour = Options.Marks.FirstOrDefault(m => m.Part == DiagramPart.Weights && m.Layer == layer.Name)?.Colour;
        var largest = Math.Max(1e-12, layer.W.Enumerate().Max(Math.Abs));
        foreach (var j in Layout.Shown[c].OfType<int>())
        {
            var (x2, y2) = (Layout.X(c), Layout.Y(c, Layout.SlotOf(c, j)));
            foreach (var i in Layout.Shown[c - 1].OfType<int>())
            {
                AppendEdge(svg, "bp-edge", $"{Layout.Columns[c - 1]}:{i}", $"{layer.Name}:{j}", layer.W[i, j], largest,
                    Layout.X(c - 1) + DiagramLayout.NodeWidth, Layout.Y(c - 1, Layout.SlotOf(c - 1, i)), x2, y2, $"W_{layer.Name}[{i},{j}]", colour);
            }

            if (Layout.HasBias)
            {
                AppendEdge(svg, "bp-edge bp-bias-edge", $"{Layout.Columns[c - 1]}:bias", $"{layer.Name}:{j}", layer.W[layer.InputSize, j], largest,
                    Layout.X(c - 1) + DiagramLayout.NodeWidth / 2 + 10, Layout.Y(c - 1, Layout.BiasSlot(c - 1)), x2, y2, $"W_{layer.Name}[{layer.InputSize},{j}] (bias)", colour);
            }
        }
    }

    private static void AppendEdge(StringBuilder svg, string css, string from, string to, double w, double largest,
        double x1, double y1, double x2, double y2, string label, string? colour)
    {
        var width = 0.6 + 3.4 * Math.Abs(w) / largest;
        svg.Append($"<line class=\"{css}\" data-from=\"{from}\" data-to=\"{to}\" data-weight=\"{Html.Number(w)}\" x1=\"{P(x1)}\" y1=\"{P(y1)}\" x2=\"{P(x2)}\" y2=\"{P(y2)}\" ")
           .Append($"stroke=\"{(colour is not null ? Html.Escape(colour) : w >= 0 ? WeightPositive : WeightNegative)}\" stroke-width=\"{Html.Number(width, "0.##")}\" stroke-opacity=\"0.75\">")
           .Append($"<title>{Html.Escape(label)} = {Html.Number(w)}</title></line>");
    }

    private void AppendNodes(StringBuilder svg, int c)
    {
        var name = Layout.Columns[c];
        for (var s = 0; s < Layout.Shown[c].Count; s++)
        {
            var (x, y) = (Layout.X(c), Layout.Y(c, s) - DiagramLayout.NodeHeight / 2);
            if (Layout.Shown[c][s] is not { } i)
            {
                svg.Append($"<text class=\"bp-elided\" x=\"{P(x + DiagramLayout.NodeWidth / 2)}\" y=\"{P(y + 18)}\" text-anchor=\"middle\" font-size=\"16\">⋮</text>");
                continue;
            }
            var (z, o) = Values(c, i);
            svg.Append($"<g class=\"bp-neuron\" data-layer=\"{name}\" data-index=\"{i}\">");
            if (c == 0)
            {
                svg.Append(Cell(x, y, DiagramLayout.NodeWidth, o ?? $"x{Subscript(i)}", "#eef3fb"));
            }
            else
            {
                svg.Append(Cell(x, y, DiagramLayout.NodeWidth / 2, z ?? "Z", "#f7f7f7"))
                   .Append(Cell(x + DiagramLayout.NodeWidth / 2, y, DiagramLayout.NodeWidth / 2, o ?? "O", "#eef3fb"));
            }

            if (c > 0 && Options.Gradients is { } g && (Options.LossLabels is null || Options.LossLabels.Contains(name)))
                svg.Append($"<text class=\"bp-loss-derivative\" x=\"{P(x + DiagramLayout.NodeWidth + 3)}\" y=\"{P(y - 2)}\" fill=\"{Loss}\" font-size=\"9\" stroke=\"white\" stroke-width=\"3\" paint-order=\"stroke\">∂L/∂O {Html.Significant(g[c - 1].DLossDO[Options.Instance, i])}</text>");
            svg.Append("</g>");
        }
        if (Layout.HasBias && c < Layout.Columns.Count - 1)
        {
            var (bx, by) = (Layout.X(c) + DiagramLayout.NodeWidth / 2, Layout.Y(c, Layout.BiasSlot(c)));
            svg.Append($"<g class=\"bp-bias-neuron\" data-layer=\"{name}\"><circle cx=\"{P(bx)}\" cy=\"{P(by)}\" r=\"11\" fill=\"#fff8e1\" stroke=\"#b8860b\"/>")
               .Append($"<text x=\"{P(bx)}\" y=\"{P(by + 4)}\" text-anchor=\"middle\">1</text></g>");
        }
    }

    private (string? Z, string? O) Values(int c, int i)
    {
        if (Options.Forward is not { } f) return (null, null);
        if (c == 0) return (null, Html.Number(f.X[Options.Instance, i], "0.00"));
        var state = f.Layers[c - 1];
        return (Html.Number(state.Z[Options.Instance, i], "0.00"), Html.Number(state.O[Options.Instance, i], "0.00"));
    }

    private static string Cell(double x, double y, double width, string text, string fill) =>
        $"<rect x=\"{P(x)}\" y=\"{P(y)}\" width=\"{P(width)}\" height=\"{DiagramLayout.NodeHeight}\" fill=\"{fill}\" stroke=\"#333\"/>" +
        $"<text x=\"{P(x + width / 2)}\" y=\"{P(y + 17)}\" text-anchor=\"middle\" font-size=\"{(text.Length > 3 ? 9 : 11)}\">{Html.Escape(text)}</text>";

    private static string Subscript(int i) => string.Concat((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).Select(d => (char)('₀' + d - '0')));

    /// <inheritdoc />
    public string ToHtml() => $"<div class=\"bp-diagram\">{ToSvg()}</div>";

    /// <inheritdoc />
    public string ToText() => $"{Network}{Environment.NewLine}" + string.Join(" → ", Layout.Columns.Select((n, c) => $"{n}({Layout.Sizes[c]})")) + Environment.NewLine;

    /// <inheritdoc />
    public override string ToString() => ToText();
}
