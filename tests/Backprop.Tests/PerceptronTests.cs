namespace Backprop.Tests;

public class PerceptronTests
{
    [Theory]
    [InlineData("AND")]
    [InlineData("OR")]
    public void Learns_a_linearly_separable_truth_table(string name)
    {
        var data = name == "AND" ? Datasets.And : Datasets.Or;
        var p = new Perceptron(2);
        var history = p.Train(data.X, data.Y, epochs: 20);
        Assert.True(history.Converged);
        Assert.Equal(data.Y, p.Predict(data.X));
    }

    [Fact]
    public void Never_learns_XOR_because_one_line_cannot_separate_it()
    {
        var p = new Perceptron(2);
        var history = p.Train(Datasets.Xor.X, Datasets.Xor.Y, epochs: 50);
        Assert.False(history.Converged);
        Assert.Equal(50, history.MistakesPerEpoch.Count);
        Assert.All(history.MistakesPerEpoch, m => Assert.True(m >= 1));
    }

    [Fact]
    public void The_first_update_follows_the_rule_by_hand()
    {
        // AND, w = [0, 0], b = 0: instance (0, 0) fires (0 ≥ 0) but should not: error −1,
        // w ← w + α·(−1)·[0, 0] = [0, 0], b ← 0 − α = −0.5 with α = 0.5.
        var p = new Perceptron(2);
        var history = p.Train(Datasets.And.X, Datasets.And.Y, epochs: 1, alpha: 0.5);
        var first = history.Steps[0];
        Assert.True(first.Updated);
        Assert.Equal(1.0, first.Predicted);
        Assert.Equal([0.0, 0.0], first.W);
        Assert.Equal(-0.5, first.B);
        // Instance (1, 1) → 0 but should be 1: w ← [0.5, 0.5], b ← 0 (when nothing else changed in between).
        var last = history.Steps[3];
        Assert.Equal(3, last.Instance);
        Assert.Equal([0.5, 0.5], last.W);
        Assert.Equal(0.0, last.B);
    }

    [Fact]
    public void Refuses_labels_of_the_wrong_shape()
    {
        var ex = Assert.Throws<ShapeException>(() => new Perceptron(2).Train(Datasets.And.X, Matrix<double>.Build.Dense(4, 2)));
        Assert.Equal("perceptron: labels Y (4×2) must be (4×1), one 0 or 1 per instance", ex.Message);
    }
}
