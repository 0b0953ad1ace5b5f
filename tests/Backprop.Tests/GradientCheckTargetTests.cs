namespace Backprop.Tests;

/// <summary>The gradient check's loop on a target of one's own: it trusts nothing but the loss.</summary>
public class GradientCheckTargetTests
{
    [Fact]
    public void A_target_is_judged_layer_by_layer_by_the_gradients_it_claims()
    {
        var network = Network.Create([4, 3, 2], Activation.Tanh, seed: 1, bias: BiasMode.Vector);
        var data = TestData.Random(6, 4, new Random(1));
        var labels = TestData.Random(6, 2, new Random(2));
        var weights = network.Layers.Select(l => l.W.Clone()).ToArray();
        var correct = LoopBackprop.Backward(network.Forward(data), labels, new SquaredLoss());
        var doubled = new Target(network, data, labels, l => l == 1 ? 2 * correct[l].DLossDW : correct[l].DLossDW, l => correct[l].DLossDB);
        var result = GradientCheck.Compare(doubled);
        Assert.Equal(["L1", "L2"], result.Layers.Select(l => l.Layer));
        Assert.Equal([4 * 3 + 3, 3 * 2 + 2], result.Layers.Select(l => l.Checked));
        Assert.Equal([GradientVerdict.Correct, GradientVerdict.Wrong], result.Layers.Select(l => l.Verdict));
        Assert.StartsWith("W_L2", result.Layers[1].Worst.Parameter);
        for (var l = 0; l < 2; l++) Assert.Equal(weights[l], network.Layers[l].W); // every nudge was undone
    }

    [Fact]
    public void A_bias_without_its_gradient_is_refused_with_the_layer()
    {
        var network = Network.Create([4, 3, 2], Activation.Tanh, seed: 1, bias: BiasMode.Vector);
        var data = TestData.Random(6, 4, new Random(1));
        var labels = TestData.Random(6, 2, new Random(2));
        var correct = LoopBackprop.Backward(network.Forward(data), labels, new SquaredLoss());
        var target = new Target(network, data, labels, l => correct[l].DLossDW, _ => null);
        var ex = Assert.Throws<ArgumentException>(() => GradientCheck.Compare(target));
        Assert.Contains("L1 has a bias b but no ∂L/∂b", ex.Message);
    }

    [Fact]
    public void A_gradient_of_another_shape_is_refused_with_both_shapes()
    {
        var network = Network.Create([4, 3, 2], Activation.Tanh, seed: 1);
        var target = new Target(network, TestData.Random(6, 4, new Random(1)), TestData.Random(6, 2, new Random(2)),
            _ => Matrix<double>.Build.Dense(3, 4), _ => null);
        var ex = Assert.Throws<ShapeException>(() => GradientCheck.Compare(target));
        Assert.Equal("gradient check: ∂L/∂W_L1 is (3×4), but W_L1 is (4×3); ∂L/∂W_L1 must have W_L1's shape, (4×3)", ex.Message);
    }

    private sealed class Target(Network network, Matrix<double> x, Matrix<double> labels,
        Func<int, Matrix<double>> dW, Func<int, Matrix<double>?> dB) : IGradientCheckTarget
    {
        public Network Network => network;
        public LayerParameters Parameters(int layer) => new(network.Layers[layer].W, dW(layer), network.Layers[layer].B, dB(layer));
        public double Loss() => network.Loss(x, labels);
    }
}
