namespace Backprop;

/// <summary>
/// The equations of the backward pass, one piece each: where ∂L starts at the output, and the
/// four lines of one layer's step. <see cref="Layer.Backward"/>
/// runs them in order and <see cref="LoopBackprop"/> walks them down the layers; the engine
/// uses <see cref="Correct"/>. A planted bug (lesson 09) is <c>Correct with { OnePiece = … }</c>:
/// it differs in exactly the line it is named for, and everything else, checks included, runs
/// as in the real pass.
/// </summary>
public sealed record BackwardStep
{
    /// <summary>The right equations: what the engine computes.</summary>
    public static BackwardStep Correct { get; } = new();

    /// <summary>
    /// ∂L/∂O of the output layer = O − Y (÷ n for a mean loss), (n×j_out): where ∂L starts.
    /// Arguments: O of the output, Y, the loss.
    /// </summary>
    public Func<Matrix<double>, Matrix<double>, SquaredLoss, Matrix<double>> LossDerivative { get; init; } =
        (o, labels, loss) => loss.Derivative(o, labels);

    /// <summary>
    /// δ = ∂L/∂O ⊙ g'(Z), (n×j) ⊙ (n×j) → (n×j): how the loss moves with each Z.
    /// Arguments: the layer's forward state, the ∂L/∂O it receives.
    /// </summary>
    public Func<LayerState, Matrix<double>, Matrix<double>> Delta { get; init; } =
        (s, dLossDO) => dLossDO.PointwiseMultiply(s.Layer.Activation.Derivative(s.Z, s.O));

    /// <summary>
    /// ∂L/∂W = O_prevᵀ @ δ, (k×n) @ (n×j) → (k×j): the product sums over the n instances.
    /// Arguments: the layer's forward state, δ.
    /// </summary>
    public Func<LayerState, Matrix<double>, Matrix<double>> DLossDW { get; init; } =
        (s, delta) => s.Input.TransposeThisAndMultiply(delta);

    /// <summary>
    /// ∂L/∂b = Σₙ δ, (n×j) → (1×j): each bias feeds every instance, so its slopes add up.
    /// Arguments: the layer's forward state, δ.
    /// </summary>
    public Func<LayerState, Matrix<double>, Matrix<double>> DLossDB { get; init; } =
        (s, delta) => Matrix<double>.Build.DenseOfRowVectors(delta.ColumnSums());

    /// <summary>
    /// ∂L/∂O_prev = δ @ Wᵀ, (n×j) @ (j×k) → (n×k): what this layer passes down, through the
    /// weights as they were in the forward pass. Arguments: the layer's forward state, δ.
    /// </summary>
    public Func<LayerState, Matrix<double>, Matrix<double>> PassedDown { get; init; } =
        (s, delta) => delta.TransposeAndMultiply(s.W);
}
