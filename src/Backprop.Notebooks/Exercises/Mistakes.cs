namespace Backprop.Notebooks;

/// <summary>
/// The typical wrong answers that the checks recognise, each built by the engine's own step with
/// one piece changed. They live here, not in the lessons, so that a check cell names what it
/// checks and never shows the answer (a wrong answer written out is the solution with one
/// change). This file holds the mistakes of one layer's backward step and of the update; the
/// lesson-specific ones are in <c>Mistakes.Lessons.cs</c>.
/// </summary>
public static partial class Mistakes
{
    /// <summary>
    /// For ∂L/∂W = O_prevᵀ @ δ of one layer (times α when <paramref name="alpha"/> is not 1, that
    /// is ΔW): g′ left out of δ, and g′ applied twice.
    /// </summary>
    /// <param name="state">The layer's forward state.</param>
    /// <param name="dLossDO">The ∂L/∂O the layer received.</param>
    /// <param name="alpha">α, when the answer is ΔW = α · ∂L/∂W.</param>
    /// <param name="input">The name of the layer's input in the lesson's words, e.g. "X"; its O_prev by default.</param>
    /// <param name="received">The name of what the layer received, e.g. "O − Y"; ∂L/∂O by default.</param>
    public static IReadOnlyList<Mistake> DLossDW(LayerState state, Matrix<double> dLossDO, double alpha = 1, string? input = null, string? received = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(dLossDO);
        var (name, a) = (state.Layer.Name, alpha == 1 ? "" : "α · ");
        input ??= state.Layer.InputName;
        received ??= $"∂L/∂O_{name}";
        var slope = Slope(state);
        Matrix<double> Product(Matrix<double> delta) => alpha * state.Input.TransposeThisAndMultiply(delta);
        return
        [
            new($"g′ is missing: yours is {a}{input}ᵀ @ ({received}). δ_{name} = ({received}) ⊙ g′(Z_{name}) comes first.", Product(dLossDO)),
            new($"g′ is applied twice: δ_{name} = ({received}) ⊙ g′(Z_{name}) has it once.",
                Product(dLossDO.PointwiseMultiply(slope).PointwiseMultiply(slope))),
        ];
    }

    /// <summary>
    /// For what a layer hands down, ∂L/∂O_prev = δ @ Wᵀ: g′ left out of δ, W not transposed
    /// (offered only when W is square, where the wrong product runs), and the ∂L/∂O it received
    /// handed on unchanged (one layer too high; offered when its shape is that of the answer).
    /// </summary>
    /// <param name="state">The layer's forward state.</param>
    /// <param name="dLossDO">The ∂L/∂O the layer received.</param>
    public static IReadOnlyList<Mistake> PassedDown(LayerState state, Matrix<double> dLossDO)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(dLossDO);
        var name = state.Layer.Name;
        var delta = BackwardStep.Correct.Delta(state, dLossDO);
        var mistakes = new List<Mistake>
        {
            new($"g′ is missing in what you hand down: yours is ∂L/∂O_{name} @ W_{name}ᵀ; the hand-off is δ_{name} @ W_{name}ᵀ, " +
                $"with δ_{name} = ∂L/∂O_{name} ⊙ g′(Z_{name}).", dLossDO.TransposeAndMultiply(state.W)),
        };
        if (dLossDO.ColumnCount == state.W.RowCount) // the shapes agree, so the check cannot tell by shape alone
        {
            mistakes.Add(new($"that is ∂L/∂O_{name}, what {name} received: one layer too high. Pass it through {name} once more.", dLossDO));
        }

        if (state.W.RowCount == state.W.ColumnCount)
        {
            mistakes.Add(new($"W_{name} is not transposed: yours is δ_{name} @ W_{name}. W_{name} is square {Shape.Of(state.W)}, so that product " +
                $"runs without an error, but the hand-off is δ_{name} @ W_{name}ᵀ.", delta * state.W));
        }

        return mistakes;
    }

    /// <summary>For ∂L/∂b = Σₙ δ of one layer: the sum taken over ∂L/∂O, g′ left out.</summary>
    /// <param name="state">The layer's forward state.</param>
    /// <param name="dLossDO">The ∂L/∂O the layer received.</param>
    public static IReadOnlyList<Mistake> DLossDB(LayerState state, Matrix<double> dLossDO)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(dLossDO);
        var name = state.Layer.Name;
        return [new($"g′ is missing: yours is Σₙ ∂L/∂O_{name}. The sum is over δ_{name} = ∂L/∂O_{name} ⊙ g′(Z_{name}).",
            Matrix<double>.Build.DenseOfRowVectors(dLossDO.ColumnSums()))];
    }

    /// <summary>
    /// For a layer's W after a whole training step, W − α · ∂L/∂W: a step uphill, α left out, and
    /// (below the output layer) the update made too early, so that ∂L went down through a W
    /// already changed.
    /// </summary>
    /// <param name="forward">The forward pass the step started from.</param>
    /// <param name="labels">Y.</param>
    /// <param name="alpha">α.</param>
    /// <param name="layer">The layer's position, counted from 0.</param>
    public static IReadOnlyList<Mistake> Update(ForwardPass forward, Matrix<double> labels, double alpha, int layer)
    {
        ArgumentNullException.ThrowIfNull(forward);
        var loss = new SquaredLoss();
        var right = LoopBackprop.Backward(forward, labels, loss);
        var w = forward.Layers[layer].W;
        var mistakes = new List<Mistake>
        {
            new("yours is W + ΔW, a step uphill: gradient descent subtracts, W − ΔW (or ∂L started as Y − O instead of O − Y).", w + right[layer].DeltaW(alpha)),
            new("α is missing: yours is W − ∂L/∂W; the step is W − α · ∂L/∂W.", w - right[layer].DLossDW),
        };
        if (layer < forward.Layers.Count - 1)
        {
            var early = PlantedBugs.UpdateWhileBackpropagating(alpha).Backward(forward, labels, loss);
            mistakes.Insert(0, new(TooEarly, w - early[layer].DeltaW(alpha)));
        }

        return mistakes;
    }

    /// <summary>What to say when ∂L went down through weights already updated (lesson 08's tip 1).</summary>
    private const string TooEarly = "updated too early: a layer handed ∂L down through its W after changing it. " +
        "The outputs were made with W as it was in the forward pass, and the hand-off needs that W: update only after the whole backward pass.";

    /// <summary>g′(Z) of a layer, from its forward state.</summary>
    private static Matrix<double> Slope(LayerState state) => state.Layer.Activation.Derivative(state.Z, state.O);
}
