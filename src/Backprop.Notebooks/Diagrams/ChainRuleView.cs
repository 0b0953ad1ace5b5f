using System.Text;

namespace Backprop.Notebooks;

/// <summary>
/// The chain rule for one layer L with each factor in a colour of its own, the same colour in
/// the formula, on the network diagram and on the table cells that hold the factor's numbers:
/// ∂L/∂W_L = ∂L/∂O_{L+1} (red: what the layer above hands down) · ∂O_{L+1}/∂O_L (purple:
/// g′(Z_{L+1}) and the weights W_{L+1}) · ∂O_L/∂W_L (green: g′(Z_L) and O_{L−1}, what each weight
/// multiplied). For the output layer the first two factors are one: ∂L/∂O_L itself.
/// </summary>
public sealed class ChainRuleView : IView
{
    /// <summary>The colour of ∂L passed down (the article's red).</summary>
    public const string Red = "#c0392b";

    /// <summary>The colour of ∂O_{L+1}/∂O_L (not the blue of positive weights).</summary>
    public const string Purple = "#7b3fa0";

    /// <summary>The colour of ∂O_L/∂W_L.</summary>
    public const string Green = "#1e7b34";

    /// <summary>The chain rule of layer <paramref name="layer"/> (e.g. "L99") in this pass, values of instance <paramref name="instance"/>.</summary>
    public ChainRuleView(ForwardPass forward, Gradients gradients, string layer, int instance = 0)
    {
        ArgumentNullException.ThrowIfNull(forward);
        ArgumentNullException.ThrowIfNull(gradients);
        var l = forward.Layers.Select(s => s.Layer.Name).ToList().IndexOf(layer);
        if (l < 0) throw new ArgumentException($"The network has no layer {layer}; its layers are {string.Join(", ", forward.Layers.Select(s => s.Layer.Name))}", nameof(layer));
        (Forward, Gradients, Index, Instance) = (forward, gradients, l, instance);
        Factors = [.. BuildFactors()];
    }

    private ForwardPass Forward { get; }

    private Gradients Gradients { get; }

    private int Index { get; }

    private int Instance { get; }

    private LayerState State => Forward.Layers[Index];

    private LayerState? Above => Index + 1 < Forward.Layers.Count ? Forward.Layers[Index + 1] : null;

    /// <summary>The factors in order, each with its colour, formula and numbers.</summary>
    public IReadOnlyList<Factor> Factors { get; }

    /// <summary>One factor of the chain rule.</summary>
    /// <param name="Name">e.g. "∂O_L100/∂O_L99".</param>
    /// <param name="Colour">Its colour everywhere it appears.</param>
    /// <param name="Formula">How it is computed, in the article's symbols.</param>
    /// <param name="Numbers">The matrices that hold its numbers.</param>
    public sealed record Factor(string Name, string Colour, string Formula, IReadOnlyList<(string Name, Matrix<double> Value)> Numbers);

    private IEnumerable<Factor> BuildFactors()
    {
        var (s, name, previous) = (State, State.Layer.Name, State.Layer.PreviousName);
        if (Above is { } a)
        {
            var above = a.Layer.Name;
            yield return new($"∂L/∂O_{above}", Red, $"handed down to {above}", [($"∂L/∂O_{above}", Gradients[Index + 1].DLossDO)]);
            yield return new($"∂O_{above}/∂O_{name}", Purple, $"g′(Z_{above}) and W_{above}: (∂L/∂O_{above} ⊙ g′(Z_{above})) @ W_{above}ᵀ = ∂L/∂O_{name}",
                [($"g′(Z_{above})", a.Layer.Activation.Derivative(a.Z, a.O)), ($"W_{above}ᵀ", a.W.Transpose())]);
        }
        else
        {
            yield return new($"∂L/∂O_{name}", Red, $"O_{name} − Y", [($"∂L/∂O_{name}", Gradients[Index].DLossDO)]);
        }
        yield return new($"∂O_{name}/∂W_{name}", Green, $"g′(Z_{name}) and O_{previous}: O_{previous}ᵀ @ (∂L/∂O_{name} ⊙ g′(Z_{name})) = ∂L/∂W_{name}",
            [($"g′(Z_{name})", s.Layer.Activation.Derivative(s.Z, s.O)), ($"O_{previous}ᵀ", s.Input.Transpose())]);
    }

    /// <summary>The formula with each factor in its colour.</summary>
    public string FormulaHtml() =>
        $"<div class=\"bp-chain-formula\" style=\"font-size:15px;margin:6px 0\">∂L/∂W_{Html.Escape(State.Layer.Name)} = " +
        string.Join(" · ", Factors.Select(f => $"<b class=\"bp-factor\" data-factor=\"{Html.Escape(f.Name)}\" style=\"color:{f.Colour}\">{Html.Escape(f.Name)}</b>")) + "</div>";

    /// <summary>The network with the factors' parts framed and coloured.</summary>
    public NetworkDiagram Diagram()
    {
        var name = State.Layer.Name;
        List<DiagramMark> marks = [new(name, DiagramPart.Weights, Green, $"∂O_{name}/∂W_{name}"), new(State.Layer.PreviousName, DiagramPart.Neurons, Green)];
        if (Above is { } a)
            marks.AddRange([new(a.Layer.Name, DiagramPart.Neurons, Red, $"∂L/∂O_{a.Layer.Name}"), new(a.Layer.Name, DiagramPart.Weights, Purple, $"∂O_{a.Layer.Name}/∂O_{name}")]);
        else
            marks.Add(new(name, DiagramPart.Neurons, Red, $"∂L/∂O_{name}"));
        return new NetworkDiagram(Forward.Network, new DiagramOptions
        {
            Forward = Forward,
            Gradients = Gradients,
            Instance = Instance,
            Marks = marks,
            LossLabels = Above is { } above ? [name, above.Layer.Name] : [name],   // the ∂L this chain uses, not those below (an exercise's answers)
            Title = $"The chain rule for {name}, instance {Instance}",
        });
    }

    /// <inheritdoc />
    public string ToHtml()
    {
        var html = new StringBuilder(Html.TableStyle).Append("<div class=\"bp-chain-rule\">").Append(FormulaHtml()).Append(Diagram().ToHtml())
            .Append("<table class=\"bp-table bp-chain-table\"><tr><th class=\"bp-left\">factor</th><th class=\"bp-left\">how</th><th class=\"bp-left\">numbers</th></tr>");
        foreach (var f in Factors)
        {
            html.Append($"<tr class=\"bp-factor-row\" data-factor=\"{Html.Escape(f.Name)}\"><td class=\"bp-left\" style=\"border-left:5px solid {f.Colour};color:{f.Colour};font-weight:bold\">{Html.Escape(f.Name)}</td>")
                .Append($"<td class=\"bp-left\">{Html.Escape(f.Formula)}</td><td class=\"bp-left\" style=\"background:{f.Colour}14\"><div style=\"display:flex;gap:10px\">");
            foreach (var (name, value) in f.Numbers) html.Append(new MatrixView(name, value, 4, 8).TableHtml());
            html.Append("</div></td></tr>");
        }
        var layer = State.Layer.Name;
        if (Above is not null)
        {
            html.Append($"<tr><td class=\"bp-left\">∂L/∂O_{Html.Escape(layer)}</td><td class=\"bp-left\">red and purple together: what {Html.Escape(layer)} receives</td>")
                .Append($"<td class=\"bp-left\">{new MatrixView($"∂L/∂O_{layer}", Gradients[Index].DLossDO, 4, 8).TableHtml()}</td></tr>");
        }
        var result = Gradients[Index].DLossDW;
        var n = State.Input.RowCount;
        var summed = n == 1 ? "here n = 1, a single instance" : $"summed over the n = {n} instances";
        return html.Append($"<tr><td class=\"bp-left\" style=\"font-weight:bold\">∂L/∂W_{Html.Escape(layer)}</td><td class=\"bp-left\">the product of the {(Factors.Count == 3 ? "three" : "two")} factors ({summed})</td>")
            .Append($"<td class=\"bp-left\">{new MatrixView($"∂L/∂W_{State.Layer.Name}", result, 4, 8).TableHtml()}</td></tr></table></div>").ToString();
    }

    /// <inheritdoc />
    public string ToText() =>
        $"∂L/∂W_{State.Layer.Name} = {string.Join(" · ", Factors.Select(f => f.Name))}" + Environment.NewLine +
        string.Concat(Factors.Select(f => $"  {f.Name}: {f.Formula}{Environment.NewLine}"));

    /// <inheritdoc />
    public override string ToString() => ToText();
}
