namespace Backprop.Fast.Tests;

public class FastGradientCheckTests
{
    [Theory]
    [InlineData(BiasMode.None)]
    [InlineData(BiasMode.Vector)]
    [InlineData(BiasMode.OnesColumn)]
    public void The_5_2_4_3_3_1_network_checks_correct_with_the_readable_counts(BiasMode bias)
    {
        var network = Network.Create([5, 2, 4, 3, 3, 1], Activation.Sigmoid, seed: 1, bias: bias, firstLayerNumber: 95);
        var data = Datasets.Synthetic(16, seed: 1);
        var readable = GradientCheck.Run(network, data.X, data.Y);
        var fast = FastGradientCheck.Run(network, data.X, data.Y);
        Assert.Equal(GradientVerdict.Correct, fast.Verdict);
        Assert.Equal(readable.Layers.Select(l => (l.Layer, l.Checked, l.Worst.Parameter)), fast.Layers.Select(l => (l.Layer, l.Checked, l.Worst.Parameter)));
        // The fast loss adds its terms in another order (8 partial sums), so each finite difference
        // differs by about u · L / ε ≈ 1e-13; against the smallest gradients that moves the maximum
        // relative error by about 1e-9 (1.07e-8 fast, 1.21e-8 readable for this network).
        Assert.True(Math.Abs(fast.MaxRelativeError - readable.MaxRelativeError) < 1e-8, $"fast {fast.MaxRelativeError:R}, readable {readable.MaxRelativeError:R}\n{fast.ToText()}");
    }

    [Fact]
    public void A_sample_per_layer_checks_that_many_entries()
    {
        var network = Network.Create([5, 6, 1], Activation.Tanh, seed: 1, bias: BiasMode.Vector);
        var data = Datasets.Synthetic(8, seed: 1);
        var result = FastGradientCheck.Run(network, data.X, data.Y, samplesPerLayer: 3, seed: 4);
        Assert.Equal([6, 4], result.Layers.Select(l => l.Checked));
    }
}
