using System.Text;

namespace Backprop.Notebooks;

/// <summary>
/// One training step, one operation at a time: forward layer by layer, where ∂L starts, then
/// backward per layer (δ, ∂L/∂W, the pass-down), then the update. Each step highlights its
/// operation on the network diagram and shows the matrices involved with their values and
/// shapes. Previous and Next buttons and the arrow keys move through it. Self-contained HTML and
/// a few lines of script, no network access; without scripts (GitHub's viewer) every step is
/// listed in order, which reads as well.
/// </summary>
public sealed class StepThrough : IView
{
    /// <summary>Steps through <paramref name="forward"/>, its <paramref name="gradients"/> and the update with <paramref name="alpha"/>.</summary>
    /// <param name="forward">A forward pass.</param>
    /// <param name="gradients">Its backward pass.</param>
    /// <param name="alpha">α of the update.</param>
    /// <param name="instance">The instance whose values the diagram shows.</param>
    /// <param name="maxRows">Rows of each matrix shown before the middle ones are elided.</param>
    public StepThrough(ForwardPass forward, Gradients gradients, double alpha, int instance = 0, int maxRows = 4)
    {
        ArgumentNullException.ThrowIfNull(forward);
        ArgumentNullException.ThrowIfNull(gradients);
        if (gradients.Count != forward.Layers.Count)
            throw new ArgumentException($"Gradients of {gradients.Count} layers do not belong to a forward pass of {forward.Layers.Count} layers", nameof(gradients));
        Forward = forward;
        Gradients = gradients;
        Alpha = alpha;
        MaxRows = maxRows;
        Diagram = new NetworkDiagram(forward.Network, new DiagramOptions { Forward = forward, Gradients = gradients, Instance = instance, Title = "One training step" });
        Steps = [.. ForwardSteps(), .. BackwardSteps(), UpdateStep()];
    }

    private ForwardPass Forward { get; }

    private Gradients Gradients { get; }

    private double Alpha { get; }

    private int MaxRows { get; }

    private NetworkDiagram Diagram { get; }

    /// <summary>The steps in order.</summary>
    public IReadOnlyList<Step> Steps { get; }

    /// <summary>One operation of the training step.</summary>
    /// <param name="Title">What happens, in the article's symbols.</param>
    /// <param name="Nodes">Layers whose neurons the diagram highlights.</param>
    /// <param name="Edges">Layers whose incoming weights the diagram highlights.</param>
    /// <param name="Matrices">The matrices involved, named.</param>
    public sealed record Step(string Title, IReadOnlyList<string> Nodes, IReadOnlyList<string> Edges, IReadOnlyList<(string Name, Matrix<double> Value)> Matrices);

    private IEnumerable<Step> ForwardSteps()
    {
        foreach (var s in Forward.Layers)
        {
            var (name, previous) = (s.Layer.Name, s.Layer.PreviousName);
            var bias = s.B is null ? "" : $" + b_{name}";
            var input = s.Layer.InputName;
            List<(string, Matrix<double>)> shown = [(input, s.Input), ($"W_{name}", s.W)];
            if (s.B is not null) shown.Add(($"b_{name}", s.B));
            shown.AddRange([($"Z_{name}", s.Z), ($"O_{name}", s.O)]);
            yield return new Step($"Forward, {name}: Z_{name} = {input} @ W_{name}{bias}, then O_{name} = σ(Z_{name})", [previous, name], [name], shown);
        }
    }

    private IEnumerable<Step> BackwardSteps()
    {
        var last = Forward.Layers[^1];
        yield return new Step($"Where ∂L starts: ∂L/∂O_{last.Layer.Name} = O_{last.Layer.Name} − Y", [last.Layer.Name], [],
            [($"O_{last.Layer.Name}", last.O), ($"∂L/∂O_{last.Layer.Name}", Gradients[^1].DLossDO)]);
        for (var l = Forward.Layers.Count - 1; l >= 0; l--)
        {
            var (s, g) = (Forward.Layers[l], Gradients[l]);
            var (name, previous) = (s.Layer.Name, s.Layer.PreviousName);
            var input = s.Layer.InputName;
            yield return new Step($"Backward, {name}: δ_{name} = ∂L/∂O_{name} ⊙ g′(Z_{name})", [name], [],
                [($"∂L/∂O_{name}", g.DLossDO), ($"g′(Z_{name})", s.Layer.Activation.Derivative(s.Z, s.O)), ($"δ_{name}", g.DLossDZ)]);
            List<(string, Matrix<double>)> slopes = [($"{input}ᵀ", s.Input.Transpose()), ($"δ_{name}", g.DLossDZ), ($"∂L/∂W_{name}", g.DLossDW)];
            if (g.DLossDB is { } db) slopes.Add(($"∂L/∂b_{name} = Σₙ δ_{name}", db));
            yield return new Step($"Backward, {name}: ∂L/∂W_{name} = {input}ᵀ @ δ_{name}, summed over the n instances", [previous, name], [name], slopes);
            yield return new Step($"Backward, {name}: ∂L/∂O_{previous} = δ_{name} @ W_{name}ᵀ, passed down to {previous}", [previous], [name],
                [($"δ_{name}", g.DLossDZ), ($"W_{name}ᵀ", s.W.Transpose()), ($"∂L/∂O_{previous}", g.DLossDInput)]);
        }
    }

    private Step UpdateStep()
    {
        var shown = Forward.Layers.Zip(Gradients.Layers).SelectMany(p => new[]
        {
            ($"ΔW_{p.First.Layer.Name} = {Html.Number(Alpha, "0.###")} · ∂L/∂W_{p.First.Layer.Name}", p.Second.DeltaW(Alpha)),
            ($"W_{p.First.Layer.Name} − ΔW_{p.First.Layer.Name}", p.First.W - p.Second.DeltaW(Alpha)),
        }).ToList();
        var layers = Forward.Layers.Select(s => s.Layer.Name).ToList();
        return new Step($"Update, after the whole backward pass: W ← W − ΔW in every layer (α = {Html.Number(Alpha, "0.###")})", layers, layers, shown);
    }

    private const string Style =
        "<style>.bp-stepper{outline:none}.bp-stepper .bp-step{border-top:1px solid #ddd;padding:6px 0}" +
        ".bp-stepper .bp-step h4{margin:4px 0;font-family:sans-serif;font-size:13px}" +
        ".bp-stepper .bp-step-matrices{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-start}" +
        ".bp-stepper .bp-neuron.bp-active rect{stroke:#e08214;stroke-width:3}" +
        ".bp-stepper.bp-live .bp-edge{stroke-opacity:.12}.bp-stepper.bp-live .bp-edge.bp-active{stroke-opacity:1}" +
        ".bp-stepper .bp-stepper-controls button{font-size:13px;margin-right:6px}</style>";

    // Finds its own element (no ids, so the output is deterministic), shows one step, highlights its layers.
    private const string Script =
        "<script>(function(){var root=document.currentScript.previousElementSibling;if(!root)return;" +
        "var steps=root.querySelectorAll('.bp-step'),i=0,counter=root.querySelector('.bp-step-counter');" +
        "function has(list,v){return (' '+list+' ').indexOf(' '+v+' ')>=0;}" +
        "function show(k){i=Math.max(0,Math.min(steps.length-1,k));var s=steps[i];" +
        "for(var j=0;j<steps.length;j++)steps[j].style.display=j===i?'':'none';" +
        "root.querySelectorAll('.bp-neuron').forEach(function(n){n.classList.toggle('bp-active',has(s.getAttribute('data-nodes'),n.getAttribute('data-layer')));});" +
        "root.querySelectorAll('.bp-edge').forEach(function(e){e.classList.toggle('bp-active',has(s.getAttribute('data-edges'),e.getAttribute('data-to').split(':')[0]));});" +
        "root.querySelectorAll('.bp-loss-derivative').forEach(function(t){t.style.display=s.getAttribute('data-backward')==='true'?'':'none';});" +
        "root.setAttribute('data-current',String(i));counter.textContent='step '+(i+1)+' of '+steps.length+': '+s.getAttribute('data-title');}" +
        "root.querySelector('.bp-prev').addEventListener('click',function(){show(i-1);});" +
        "root.querySelector('.bp-next').addEventListener('click',function(){show(i+1);});" +
        "root.addEventListener('keydown',function(e){if(e.key==='ArrowRight'){show(i+1);e.preventDefault();}else if(e.key==='ArrowLeft'){show(i-1);e.preventDefault();}});" +
        "root.classList.add('bp-live');root.querySelector('.bp-stepper-controls').style.display='';show(0);})();</script>";

    /// <inheritdoc />
    public string ToHtml()
    {
        var html = new StringBuilder(Style).Append(Html.TableStyle)
            .Append("<div class=\"bp-stepper\" tabindex=\"0\">")
            .Append("<div class=\"bp-stepper-controls\" style=\"display:none\"><button type=\"button\" class=\"bp-prev\">◀ Previous</button>")
            .Append("<button type=\"button\" class=\"bp-next\">Next ▶</button> <span class=\"bp-step-counter\" style=\"font-family:sans-serif;font-size:13px\"></span>")
            .Append(" <span style=\"font-family:sans-serif;font-size:11px;color:#666\">(or click here and use ← →)</span></div>")
            .Append(Diagram.ToHtml());
        for (var i = 0; i < Steps.Count; i++)
        {
            var step = Steps[i];
            html.Append($"<div class=\"bp-step\" data-step=\"{i}\" data-backward=\"{(step.Title.StartsWith("Forward", StringComparison.Ordinal) ? "false" : "true")}\" data-title=\"{Html.Escape(step.Title)}\" data-nodes=\"{Html.Escape(string.Join(' ', step.Nodes))}\" data-edges=\"{Html.Escape(string.Join(' ', step.Edges))}\">")
                .Append($"<h4>{i + 1}. {Html.Escape(step.Title)}</h4><div class=\"bp-step-matrices\">");
            foreach (var (name, value) in step.Matrices) html.Append(new MatrixView(name, value, MaxRows, 8).TableHtml());
            html.Append("</div></div>");
        }
        return html.Append("</div>").Append(Script).ToString();
    }

    /// <inheritdoc />
    public string ToText() => string.Join(Environment.NewLine, Steps.Select((s, i) => $"{i + 1}. {s.Title}")) + Environment.NewLine;

    /// <inheritdoc />
    public override string ToString() => ToText();
}
