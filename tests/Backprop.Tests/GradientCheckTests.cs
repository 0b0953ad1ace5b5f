namespace Backprop.Tests;

public class GradientCheckTests
{
    [Fact]
    public void Numeric_gradient_of_the_sum_of_squares_is_twice_the_matrix()
    {
        // f(W) = Σ w², whose gradient is 2W: the checker is tested on a derivative we know.
        var w = TestData.M(new double[,] { { 1, -2 }, { 0.5, 3 } });
        var entries = new[] { (0, 0), (0, 1), (1, 0), (1, 1) };
        var slopes = GradientCheck.NumericGradient(() => w.Enumerate().Sum(v => v * v), w, entries);
        Assert.Equal(new[] { 2.0, -4.0, 1.0, 6.0 }, slopes.Select(s => Math.Round(s, 9)));
        Assert.Equal(TestData.M(new double[,] { { 1, -2 }, { 0.5, 3 } }), w); // every nudge was undone
    }

    [Fact]
    public void Numeric_gradient_of_a_cubic_is_exact_to_rounding()
    {
        // f(w) = w³ at w = 2 → 12. The ±ε/±2ε combination cancels the ε² error term.
        var w = TestData.M(new double[,] { { 2 } });
        var slope = GradientCheck.NumericGradient(() => Math.Pow(w[0, 0], 3), w, [(0, 0)])[0];
        Assert.Equal(12.0, slope, 9);
    }

    [Fact]
    public void A_correct_backward_pass_is_judged_correct_layer_by_layer()
    {
        var data = Datasets.Synthetic(16, seed: 3);
        var net = Network.Create([5, 2, 4, 3, 3, 1], Activation.Sigmoid, seed: 1, firstLayerNumber: 95, bias: BiasMode.Vector);
        var result = GradientCheck.Run(net, data.X, data.Y);
        Assert.Equal(["L96", "L97", "L98", "L99", "L100"], result.Layers.Select(l => l.Layer));
        Assert.Equal(GradientVerdict.Correct, result.Verdict);
        Assert.True(result.MaxRelativeError <= GradientCheck.CorrectAtMost);
        Assert.Equal(5 * 2 + 2, result.Layers[0].Checked); // W (5×2) and b (1×2)
    }

    [Fact]
    public void A_backward_pass_that_forgets_g_prime_is_judged_wrong()
    {
        var data = Datasets.Synthetic(8, seed: 3);
        var net = Network.Create([5, 3, 1], Activation.Sigmoid, seed: 2);
        // The bug: ∂L/∂W = Inputᵀ @ ∂L/∂O, skipping ⊙ g'(Z) at the output layer.
        Gradients Buggy(ForwardPass f, Matrix<double> y, SquaredLoss loss)
        {
            var correct = LoopBackprop.Backward(f, y, loss);
            var output = f.Layers[^1];
            var wrong = correct[1] with { DLossDW = output.Input.TransposeThisAndMultiply(correct[1].DLossDO) };
            return new Gradients([correct[0], wrong]);
        }
        var result = GradientCheck.Run(net, data.X, data.Y, backward: Buggy);
        Assert.Equal(GradientVerdict.Correct, result.Layers[0].Verdict);
        Assert.Equal(GradientVerdict.Wrong, result.Layers[1].Verdict);
        Assert.Equal(GradientVerdict.Wrong, result.Verdict);
        Assert.Contains("Wrong", result.ToText());
    }

    [Fact]
    public void A_sample_checks_the_requested_number_of_entries_per_matrix()
    {
        var net = Network.Create([6, 6, 1], Activation.Tanh, seed: 4);
        var data = new Dataset("random", TestData.Random(5, 6, new Random(1)), TestData.Random(5, 1, new Random(2)));
        var result = GradientCheck.Run(net, data.X, data.Y, samplesPerLayer: 4, seed: 7);
        Assert.Equal([4, 4], result.Layers.Select(l => l.Checked));
        Assert.Equal(GradientVerdict.Correct, result.Verdict);
    }

    [Theory]
    [InlineData(1.0, 1.0, 0.0)]
    [InlineData(1.0, 1.1, 0.1 / 1.1)]
    [InlineData(1e-12, 2e-12, 1e-12 / GradientCheck.Floor)]
    public void Relative_error_is_scaled_by_the_larger_value_or_the_floor(double a, double n, double expected) =>
        Assert.Equal(expected, GradientCheck.RelativeError(a, n), 12);

    [Fact]
    public void Thresholds_decide_the_verdict()
    {
        Assert.Equal(GradientVerdict.Correct, GradientCheck.Judge(1e-9));
        Assert.Equal(GradientVerdict.Suspicious, GradientCheck.Judge(1e-5));
        Assert.Equal(GradientVerdict.Wrong, GradientCheck.Judge(0.5));
    }
}
