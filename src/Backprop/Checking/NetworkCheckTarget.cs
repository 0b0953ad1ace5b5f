namespace Backprop;

/// <summary>
/// The engine's own gradient check target, the one <see cref="GradientCheck.Run"/> checks: the
/// network's W and b, the gradients one backward pass gave for them, and <see cref="Network.Loss"/>.
/// </summary>
internal sealed class NetworkCheckTarget : IGradientCheckTarget
{
    private readonly Matrix<double> x;
    private readonly Matrix<double> labels;
    private readonly SquaredLoss loss;
    private readonly Gradients gradients;

    /// <summary>Runs <paramref name="backward"/> once and checks that it returned a gradient for every parameter.</summary>
    public NetworkCheckTarget(Network network, Matrix<double> x, Matrix<double> labels, SquaredLoss loss,
        Func<ForwardPass, Matrix<double>, SquaredLoss, Gradients> backward)
    {
        Network = network;
        (this.x, this.labels, this.loss) = (x, labels, loss);
        gradients = backward(network.Forward(x), labels, loss);
        if (gradients.Count != network.Layers.Count)
            throw new ArgumentException($"The backward pass returned gradients for {gradients.Count} layers; the network has {network.Layers.Count}", nameof(backward));
        for (var l = 0; l < network.Layers.Count; l++)
        {
            if (network.Layers[l].B is not null && gradients[l].DLossDB is null)
                throw new ArgumentException($"The backward pass returned no ∂L/∂b for {network.Layers[l].Name}, which has a bias", nameof(backward));
        }
    }

    public Network Network { get; }

    public LayerParameters Parameters(int layer) =>
        new(Network.Layers[layer].W, gradients[layer].DLossDW, Network.Layers[layer].B, gradients[layer].DLossDB);

    public double Loss() => Network.Loss(x, labels, loss);
}
