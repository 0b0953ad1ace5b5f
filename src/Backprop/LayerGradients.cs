namespace Backprop;

/// <summary>
/// One layer's share of the backward pass, every factor kept so a lesson can show it.
/// </summary>
/// <param name="Layer">The layer.</param>
/// <param name="DLossDO">∂L/∂O: the loss derivative passed down to this layer, (n×j).</param>
/// <param name="DLossDZ">δ = ∂L/∂Z = ∂L/∂O ⊙ g'(Z), (n×j).</param>
/// <param name="DLossDW">∂L/∂W = Inputᵀ @ δ, the shape of W; summed over the n instances.</param>
/// <param name="DLossDB">∂L/∂b = Σₙ δ, (1×j), in <see cref="BiasMode.Vector"/> mode; otherwise null.</param>
/// <param name="DLossDInput">∂L/∂O of the previous layer = δ @ Wᵀ, (n×k): what this layer passes down.</param>
public sealed record LayerGradients(
    Layer Layer,
    Matrix<double> DLossDO,
    Matrix<double> DLossDZ,
    Matrix<double> DLossDW,
    Matrix<double>? DLossDB,
    Matrix<double> DLossDInput)
{
    /// <summary>ΔW = α · ∂L/∂W: the change that the update subtracts from W.</summary>
    public Matrix<double> DeltaW(double alpha) => alpha * DLossDW;

    /// <summary>The Frobenius norm of ∂L/∂W (and ∂L/∂b): how strongly this layer is being pushed.</summary>
    public double Norm => Math.Sqrt(DLossDW.FrobeniusNorm() * DLossDW.FrobeniusNorm()
        + (DLossDB is null ? 0 : DLossDB.FrobeniusNorm() * DLossDB.FrobeniusNorm()));
}
