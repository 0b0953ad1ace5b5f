namespace Backprop.Notebooks;

/// <summary>What a <see cref="NetworkDiagram"/> draws on top of the network itself.</summary>
public sealed record DiagramOptions
{
    /// <summary>A forward pass whose O values (of <see cref="Instance"/>) are written in the nodes' O halves, and Z in the Z halves.</summary>
    public ForwardPass? Forward { get; init; }

    /// <summary>A backward pass whose ∂L/∂O values (of <see cref="Instance"/>) are written in red beside the nodes, as the article colours what propagates back.</summary>
    public Gradients? Gradients { get; init; }

    /// <summary>Layers whose ∂L/∂O is written beside their neurons; every layer's when null.</summary>
    public IReadOnlyCollection<string>? LossLabels { get; init; }

    /// <summary>Which instance of the batch the overlays show (row of X).</summary>
    public int Instance { get; init; }

    /// <summary>Layers to highlight, e.g. <c>["L99", "L100"]</c>: the perceptron the last two layers form.</summary>
    public IReadOnlyCollection<string> Highlight { get; init; } = [];

    /// <summary>Layers with more neurons show the first and last few and "⋮" between them.</summary>
    public int MaxNeuronsPerLayer { get; init; } = 8;

    /// <summary>A title above the drawing; the network's description when null.</summary>
    public string? Title { get; init; }

    /// <summary>Parts of the drawing marked in a colour of their own, e.g. the factors of the chain rule.</summary>
    public IReadOnlyList<DiagramMark> Marks { get; init; } = [];
}

/// <summary>Which part of a layer a <see cref="DiagramMark"/> colours.</summary>
public enum DiagramPart
{
    /// <summary>The layer's neurons: a coloured frame around them.</summary>
    Neurons,

    /// <summary>The weights into the layer: drawn in the mark's colour.</summary>
    Weights,
}

/// <summary>A part of a layer drawn in a colour of its own, with an optional label.</summary>
/// <param name="Layer">The layer, e.g. "L99".</param>
/// <param name="Part">Its neurons or the weights into it.</param>
/// <param name="Colour">A CSS colour.</param>
/// <param name="Label">Written beside the part, e.g. "∂O_L99/∂W_L99".</param>
public sealed record DiagramMark(string Layer, DiagramPart Part, string Colour, string? Label = null);
