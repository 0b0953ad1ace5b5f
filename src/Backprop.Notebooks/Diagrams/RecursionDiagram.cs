using System.Text;

namespace Backprop.Notebooks;

/// <summary>
/// The recursive backward pass as a picture of its calls, drawn from what it recorded
/// (<see cref="Gradients.Calls"/>): time runs left to right, depth bottom to top. Each call of
/// backprop(layer) is a bar from the moment it starts to the moment it returns, one level above
/// its caller: the calls climb to the output layer, where ∂L = O − Y, and the returns come back
/// down, each labelled in red with the ∂L it hands to the layer below and its shape.
/// </summary>
public sealed class RecursionDiagram : IView
{
    private const double Step = 70, Level = 46, Left = 20, Top = 40, Bar = 26;
    private const string Red = "#c0392b";

    /// <summary>Draws the calls recorded in <paramref name="recursive"/>, with shapes from <paramref name="forward"/>'s pass.</summary>
    public RecursionDiagram(ForwardPass forward, Gradients recursive)
    {
        ArgumentNullException.ThrowIfNull(forward);
        ArgumentNullException.ThrowIfNull(recursive);
        Calls = recursive.Calls ?? throw new ArgumentException(
            "These gradients have no recorded calls: draw the recursive form, the gradients of RecursiveBackprop.Backward", nameof(recursive));
        Forward = forward;
        Gradients = recursive;
    }

    /// <summary>The calls and returns, in order.</summary>
    public IReadOnlyList<RecursionEvent> Calls { get; }

    private ForwardPass Forward { get; }

    private Gradients Gradients { get; }

    private int Deepest => Calls.Max(c => c.Depth);

    private static string P(double v) => Html.Number(v, "0.#");

    private double X(int index) => Left + 40 + index * Step;

    private double Y(int depth) => Top + (Deepest - depth) * Level;

    /// <summary>What the call at this depth returns: the ∂L its layer passes down, and its shape.</summary>
    private (string Name, Shape Shape) Returned(RecursionEvent call)
    {
        var l = Forward.Layers.Select(s => s.Layer.Name).ToList().IndexOf(call.Layer);
        return ($"∂L/∂O_{Forward.Layers[l].Layer.PreviousName}", Shape.Of(Gradients[l].DLossDInput));
    }

    /// <summary>The drawing as a standalone &lt;svg&gt; element.</summary>
    public string ToSvg()
    {
        var width = X(Calls.Count - 1) + 150;
        var height = Y(0) + Bar + 40;
        var svg = new StringBuilder()
            .Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bp-recursion-diagram\" width=\"{P(width)}\" height=\"{P(height)}\" viewBox=\"0 0 {P(width)} {P(height)}\" font-family=\"sans-serif\" font-size=\"11\">")
            .Append($"<rect width=\"{P(width)}\" height=\"{P(height)}\" fill=\"white\"/>")
            .Append($"<text x=\"{P(Left)}\" y=\"20\" font-size=\"13\" font-weight=\"bold\" fill=\"#222\">backprop(L{Forward.Network.Layers[0].Number}): the calls climb to the output, the returns come back down (time runs left to right)</text>");
        for (var i = 0; i < Calls.Count; i++)
        {
            var call = Calls[i];
            if (call.Event != CallEvent.Call) continue;
            var end = FindReturn(i);
            var (x1, x2, y) = (X(i), X(end), Y(call.Depth));
            svg.Append($"<g class=\"bp-call\" data-layer=\"{Html.Escape(call.Layer)}\" data-depth=\"{call.Depth}\">")
               .Append($"<rect x=\"{P(x1)}\" y=\"{P(y)}\" width=\"{P(x2 - x1)}\" height=\"{Bar}\" rx=\"4\" fill=\"#eef3fb\" stroke=\"#2166ac\"/>")
               .Append($"<text x=\"{P(x1 + 6)}\" y=\"{P(y + 17)}\" fill=\"#222\">backprop({Html.Escape(call.Layer)})</text>");
            if (call.Depth == Deepest)
                svg.Append($"<text x=\"{P(x1 + 6)}\" y=\"{P(y - 6)}\" fill=\"{Red}\">∂L/∂O_{Html.Escape(call.Layer)} = O − Y</text>");
            if (call.Depth > 0)
                svg.Append(Arrow(x1 + 10, Y(call.Depth - 1), x1 + 10, y + Bar, "#2166ac")); // the caller asks the layer above
            svg.Append("</g>");
        }
        for (var i = 0; i < Calls.Count; i++)
        {
            var ret = Calls[i];
            if (ret.Event != CallEvent.Return) continue;
            var (name, shape) = Returned(ret);
            var (x, y) = (X(i), Y(ret.Depth));
            svg.Append($"<g class=\"bp-return\" data-layer=\"{Html.Escape(ret.Layer)}\" data-depth=\"{ret.Depth}\" data-returns=\"{Html.Escape(name)}\">")
               .Append(Arrow(x - 10, y + Bar, x - 10, y + Bar + (ret.Depth > 0 ? Level - Bar : 18), Red))
               .Append($"<text x=\"{P(x - 4)}\" y=\"{P(y + Bar + 14)}\" fill=\"{Red}\">returns {Html.Escape(name)} {shape}</text></g>");
        }
        return svg.Append("</svg>").ToString();
    }

    private int FindReturn(int callIndex)
    {
        var call = Calls[callIndex];
        for (var j = callIndex + 1; j < Calls.Count; j++)
            if (Calls[j].Event == CallEvent.Return && Calls[j].Depth == call.Depth && Calls[j].Layer == call.Layer) return j;
        throw new InvalidOperationException($"backprop({call.Layer}) never returned in the recorded calls");
    }

    private static string Arrow(double x1, double y1, double x2, double y2, string colour)
    {
        var up = y2 < y1;
        var tip = up ? y2 + 6 : y2 - 6;
        return $"<line x1=\"{P(x1)}\" y1=\"{P(y1)}\" x2=\"{P(x2)}\" y2=\"{P(y2)}\" stroke=\"{colour}\" stroke-width=\"1.5\"/>" +
               $"<path d=\"M{P(x2 - 4)},{P(tip)} L{P(x2)},{P(y2)} L{P(x2 + 4)},{P(tip)}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.5\"/>";
    }

    /// <inheritdoc />
    public string ToHtml() => $"<div class=\"bp-diagram\">{ToSvg()}</div>";

    /// <inheritdoc />
    public string ToText()
    {
        var text = new StringBuilder();
        foreach (var e in Calls)
        {
            var indent = new string(' ', 2 * e.Depth);
            text.Append(indent).AppendLine(e.Event == CallEvent.Call
                ? $"call backprop({e.Layer})" + (e.Depth == Deepest ? $": ∂L/∂O_{e.Layer} = O − Y" : "")
                : $"return {Returned(e).Name} {Returned(e).Shape} from backprop({e.Layer})");
        }
        return text.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => ToText();
}
