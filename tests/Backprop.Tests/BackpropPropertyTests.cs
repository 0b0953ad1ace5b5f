using CsCheck;

namespace Backprop.Tests;

/// <summary>
/// Three independent checks of the backward pass over random networks: finite differences,
/// loop = recursive, batch = Σ instances, and ones column = separate bias.
/// </summary>
public class BackpropPropertyTests
{
    private const int Iterations = 300;

    /// <summary>The spacing of doubles near 1, 2⁻⁵².</summary>
    private const double RoundingUnit = 2.220446049250313e-16;

    [Fact]
    public void Analytic_gradients_match_central_finite_differences()
    {
        // ReLU has no derivative at 0: cases with a ReLU input within reach of ±2ε of 0 are
        // regenerated. The count below proves ReLU networks are still checked.
        var checkedWithReLU = 0;
        NetworkCase.Gen.Where(c => !c.NearAKink()).Sample(c =>
        {
            var network = c.Network();
            var result = GradientCheck.Run(network, c.X, c.Y);
            // Below the check's floor (|∂L/∂w| < 1e-5) the relative error measures rounding in the
            // loss differences, about u·|L|/ε: a gradient of 5e-6 off by 1e-11 is noise, not a bug.
            var noise = 100 * RoundingUnit * Math.Max(1, network.Loss(c.X, c.Y)) / GradientCheck.DefaultEpsilon;
            Assert.All(result.Layers, l => Assert.True(
                l.MaxRelativeError <= 1e-6 || (l.Verdict != GradientVerdict.Wrong && Math.Abs(l.Worst.Analytic - l.Worst.Numeric) <= noise),
                $"{c}: {result.ToText()}"));
            if (c.Activations.Contains(Activation.ReLU)) Interlocked.Increment(ref checkedWithReLU);
        }, iter: Iterations);
        Assert.True(checkedWithReLU >= Iterations / 10, $"only {checkedWithReLU} of {Iterations} checked networks had a ReLU layer");
    }

    [Fact]
    public void Loop_and_recursive_forms_give_the_same_gradients()
    {
        NetworkCase.Gen.Sample(c =>
        {
            var net = c.Network();
            var forward = net.Forward(c.X);
            var loop = LoopBackprop.Backward(forward, c.Y, new SquaredLoss());
            var recursive = RecursiveBackprop.Backward(forward, c.Y, new SquaredLoss());
            for (var l = 0; l < loop.Count; l++)
            {
                Assert.True(TestData.MaxDifference(loop[l].DLossDW, recursive[l].DLossDW) <= 1e-12, c.ToString());
                Assert.True(TestData.MaxDifference(loop[l].DLossDO, recursive[l].DLossDO) <= 1e-12, c.ToString());
                if (loop[l].DLossDB is { } b) Assert.True(TestData.MaxDifference(b, recursive[l].DLossDB!) <= 1e-12, c.ToString());
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Batch_gradient_equals_the_sum_of_per_instance_gradients()
    {
        NetworkCase.Gen.Sample(c =>
        {
            var net = c.Network();
            var batch = net.Backward(net.Forward(c.X), c.Y);
            var summed = PerInstance.Sum(net, c.X, c.Y);
            for (var l = 0; l < batch.Count; l++)
            {
                Assert.True(TestData.MaxRelativeDifference(batch[l].DLossDW, summed[l].DLossDW) <= 1e-12, c.ToString());
                if (batch[l].DLossDB is { } b) Assert.True(TestData.MaxRelativeDifference(b, summed[l].DLossDB!) <= 1e-12, c.ToString());
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Ones_column_and_separate_bias_give_the_same_loss_and_gradients()
    {
        NetworkCase.Gen.Sample(c =>
        {
            var vector = c.WithBias(BiasMode.Vector);
            var ones = c.WithBias(BiasMode.OnesColumn);
            var fv = vector.Forward(c.X);
            var fo = ones.Forward(c.X);
            Assert.True(Math.Abs(fv.Loss(c.Y, new SquaredLoss()) - fo.Loss(c.Y, new SquaredLoss())) <= 1e-12, c.ToString());
            var gv = vector.Backward(fv, c.Y);
            var go = ones.Backward(fo, c.Y);
            for (var l = 0; l < gv.Count; l++)
            {
                // The ones column's W is [W; b]: its gradient must be [∂L/∂W; ∂L/∂b].
                var stacked = gv[l].DLossDW.Stack(gv[l].DLossDB!);
                Assert.True(TestData.MaxRelativeDifference(stacked, go[l].DLossDW) <= 1e-12, c.ToString());
                Assert.True(TestData.MaxRelativeDifference(gv[l].DLossDInput, go[l].DLossDInput) <= 1e-12, c.ToString());
            }
        }, iter: Iterations);
    }

    [Fact]
    public void The_backward_pass_leaves_weights_untouched_and_gives_the_same_answer_twice()
    {
        NetworkCase.Gen.Sample(c =>
        {
            var net = c.Network();
            var before = net.Layers.Select(l => (W: l.W.Clone(), B: l.B?.Clone())).ToArray();
            var forward = net.Forward(c.X);
            var first = net.Backward(forward, c.Y);
            var second = net.Backward(forward, c.Y);
            for (var l = 0; l < net.Layers.Count; l++)
            {
                Assert.Equal(before[l].W, net.Layers[l].W);
                Assert.Equal(before[l].B, net.Layers[l].B);
                Assert.Equal(first[l].DLossDW, second[l].DLossDW);
            }
        }, iter: Iterations);
    }
}
