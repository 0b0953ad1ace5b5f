namespace Backprop.Tests;

/// <summary>
/// The update line as a piece: W − ΔW by default, any rule(W, ΔW) when a lesson plants a bug, and
/// a rule that breaks a shape changes nothing.
/// </summary>
public class UpdateRuleTests
{
    private static readonly Dataset Data = Datasets.Synthetic(64);

    private static Network Article() => Network.Create([5, 2, 4, 3, 3, 1], Activation.Sigmoid, seed: 1, bias: BiasMode.Vector, firstLayerNumber: 95);

    [Fact]
    public void The_uphill_rule_moves_every_W_and_b_by_plus_delta_W()
    {
        var (net, uphill) = (Article(), Article());
        var gradients = net.Backward(net.Forward(Data.X), Data.Y);
        var before = net.Layers.Select(l => (l.W, B: l.B!)).ToArray();
        net.Update(gradients, 0.5);
        uphill.Update(gradients, 0.5, (w, deltaW) => w + deltaW);
        for (var l = 0; l < 5; l++)
        {
            // descent and ascent step the same distance in opposite directions
            Assert.True((before[l].W - gradients[l].DeltaW(0.5) - net.Layers[l].W).Enumerate().All(v => v == 0));
            Assert.True((before[l].W + gradients[l].DeltaW(0.5) - uphill.Layers[l].W).Enumerate().All(v => v == 0));
            Assert.True((before[l].B + 0.5 * gradients[l].DLossDB! - uphill.Layers[l].B!).Enumerate().All(v => v == 0));
        }
    }

    [Fact]
    public void Training_uphill_raises_the_loss_that_descent_lowers()
    {
        var options = new TrainingOptions { Epochs = 200, Alpha = 0.5 };
        var down = Trainer.Train(Article(), Data.X, Data.Y, options);
        var up = Trainer.Train(Article(), Data.X, Data.Y, options with { UpdateRule = (w, deltaW) => w + deltaW });
        Assert.True(down.FinalLoss < down.Losses[0]);
        Assert.True(up.FinalLoss > up.Losses[0]);
    }

    [Fact]
    public void A_rule_that_changes_a_shape_is_refused_before_any_weight_changes()
    {
        var net = Article();
        var gradients = net.Backward(net.Forward(Data.X), Data.Y);
        var before = net.Layers.Select(l => l.W).ToArray();
        var error = Assert.Throws<ShapeException>(() => net.Update(gradients, 0.5, (w, deltaW) => w.RowCount == 3 ? w.Transpose() : w - deltaW));
        Assert.StartsWith("L100 update: W_L100 after the update rule is (1×3), but W_L100 is (3×1)", error.Message, StringComparison.Ordinal); // W_L99 (3×3) transposed keeps its shape
        Assert.All(Enumerable.Range(0, 5), l => Assert.Same(before[l], net.Layers[l].W));
    }

    [Fact]
    public void First_epoch_below_counts_from_one_and_is_null_when_never_reached()
    {
        var history = new TrainingHistory([], [3.0, 2.0, 1.0, 0.5], [], TimeSpan.Zero);
        Assert.Equal(3, history.FirstEpochBelow(1.5));
        Assert.Equal(1, history.FirstEpochBelow(10));
        Assert.Null(history.FirstEpochBelow(0.5));
        var spiky = new TrainingHistory([], [1.0, 9.0, 6.0, 0.8], [], TimeSpan.Zero);
        Assert.Equal(4, spiky.FirstEpochBelow(5, after: 2));   // below 5 again after the jump at epoch 2
    }
}
