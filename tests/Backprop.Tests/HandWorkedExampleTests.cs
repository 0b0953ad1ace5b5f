namespace Backprop.Tests;

/// <summary>
/// Training steps small enough to do with pencil and paper. Every intermediate value is written
/// out, so a failure says exactly which step of the chain rule went wrong.
/// </summary>
public class HandWorkedExampleTests
{
    [Fact]
    public void A_linear_2_2_1_network_takes_the_step_worked_out_by_hand()
    {
        // x = [1, 2], y = 1, identity activations, α = 1/16 (exact in binary), loss ½ (O − y)².
        var w1 = TestData.M(new double[,] { { 1, -1 }, { 0.5, 2 } });
        var w2 = TestData.M(new double[,] { { 1 }, { -1 } });
        var net = Network.FromWeights([w1, w2], [Activation.Identity]);
        var x = TestData.M(new double[,] { { 1, 2 } });
        var y = TestData.M(new double[,] { { 1 } });

        var forward = net.Forward(x);
        // Z1 = x @ W1 = [1·1 + 2·0.5, 1·(−1) + 2·2] = [2, 3]; O1 = Z1
        Assert.Equal(new[] { 2.0, 3.0 }, forward.Layers[0].Z.Row(0).ToArray());
        // Z2 = O1 @ W2 = 2·1 + 3·(−1) = −1
        Assert.Equal(-1.0, forward.Output[0, 0]);
        // L = ½ (−1 − 1)² = 2
        Assert.Equal(2.0, forward.Loss(y, new SquaredLoss()));

        var g = net.Backward(forward, y);
        // ∂L/∂O2 = O2 − y = −2; g' = 1, so δ2 = −2
        Assert.Equal(-2.0, g[1].DLossDO[0, 0]);
        Assert.Equal(-2.0, g[1].DLossDZ[0, 0]);
        // ∂L/∂W2 = O1ᵀ @ δ2 = [2, 3]ᵀ · (−2) = [−4, −6]ᵀ
        Assert.Equal(new[] { -4.0, -6.0 }, g[1].DLossDW.Column(0).ToArray());
        // ∂L/∂O1 = δ2 @ W2ᵀ = −2 · [1, −1] = [−2, 2] = δ1 (identity)
        Assert.Equal(new[] { -2.0, 2.0 }, g[0].DLossDO.Row(0).ToArray());
        // ∂L/∂W1 = xᵀ @ δ1 = [1, 2]ᵀ @ [−2, 2] = [[−2, 2], [−4, 4]]
        Assert.Equal(TestData.M(new double[,] { { -2, 2 }, { -4, 4 } }), g[0].DLossDW);

        net.Update(g, alpha: 0.0625);
        // W ← W − α ∂L/∂W
        Assert.Equal(TestData.M(new double[,] { { 1.125, -1.125 }, { 0.75, 1.75 } }), net.Layers[0].W);
        Assert.Equal(TestData.M(new double[,] { { 1.25 }, { -0.625 } }), net.Layers[1].W);
        // Downhill: Z1 = [2.625, 2.375], Z2 = 1.796875, L = ½ (0.796875)² ≈ 0.3175 < 2.
        Assert.Equal(0.5 * 0.796875 * 0.796875, net.Loss(x, y), 12);
    }

    [Fact]
    public void A_sigmoid_2_2_1_network_takes_the_step_worked_out_by_hand()
    {
        // Weights chosen so every Z is 0: σ(0) = 0.5 and g' = 0.25, all exact in binary.
        var net = Network.FromWeights(
            [TestData.M(new double[,] { { 1, -1 }, { -1, 1 } }), TestData.M(new double[,] { { 2 }, { -2 } })],
            [Activation.Sigmoid]);
        var x = TestData.M(new double[,] { { 1, 1 } });
        var y = TestData.M(new double[,] { { 1 } });

        var forward = net.Forward(x);
        Assert.Equal(new[] { 0.0, 0.0 }, forward.Layers[0].Z.Row(0).ToArray());   // Z1 = [1 − 1, −1 + 1]
        Assert.Equal(new[] { 0.5, 0.5 }, forward.Layers[0].O.Row(0).ToArray());   // O1 = σ(0)
        Assert.Equal(0.0, forward.Layers[1].Z[0, 0]);                              // Z2 = 0.5·2 − 0.5·2
        Assert.Equal(0.5, forward.Output[0, 0]);                                   // O2 = σ(0)

        var g = net.Backward(forward, y);
        Assert.Equal(-0.5, g[1].DLossDO[0, 0]);                                    // O2 − y
        Assert.Equal(-0.125, g[1].DLossDZ[0, 0]);                                  // −0.5 · 0.25
        Assert.Equal(new[] { -0.0625, -0.0625 }, g[1].DLossDW.Column(0).ToArray()); // O1ᵀ δ2 = 0.5 · −0.125
        Assert.Equal(new[] { -0.25, 0.25 }, g[0].DLossDO.Row(0).ToArray());        // δ2 @ W2ᵀ = −0.125 · [2, −2]
        Assert.Equal(new[] { -0.0625, 0.0625 }, g[0].DLossDZ.Row(0).ToArray());    // ⊙ 0.25
        Assert.Equal(TestData.M(new double[,] { { -0.0625, 0.0625 }, { -0.0625, 0.0625 } }), g[0].DLossDW); // xᵀ δ1

        net.Update(g, alpha: 1.0);
        Assert.Equal(TestData.M(new double[,] { { 1.0625, -1.0625 }, { -0.9375, 0.9375 } }), net.Layers[0].W);
        Assert.Equal(TestData.M(new double[,] { { 2.0625 }, { -1.9375 } }), net.Layers[1].W);
    }

    [Fact]
    public void A_separate_bias_gets_the_sum_of_delta_over_the_batch()
    {
        // One identity neuron, w = 0, b = 0, two instances with targets 1 and 3:
        // O = [0, 0], δ = O − Y = [−1, −3], ∂L/∂b = Σₙ δ = −4, ∂L/∂w = xᵀ δ = 1·(−1) + 2·(−3) = −7.
        var net = Network.FromWeights([TestData.M(new double[,] { { 0 } })], [Activation.Identity], biases: [TestData.M(new double[,] { { 0 } })]);
        var x = TestData.M(new double[,] { { 1 }, { 2 } });
        var y = TestData.M(new double[,] { { 1 }, { 3 } });
        var g = net.Backward(net.Forward(x), y);
        Assert.Equal(-4.0, g[0].DLossDB![0, 0]);
        Assert.Equal(-7.0, g[0].DLossDW[0, 0]);
    }
}
