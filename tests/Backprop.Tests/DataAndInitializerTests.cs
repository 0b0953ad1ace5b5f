namespace Backprop.Tests;

public class DataAndInitializerTests
{
    [Fact]
    public void Truth_tables_have_four_rows_and_the_right_outputs()
    {
        Assert.Equal([0.0, 0, 0, 1], Datasets.And.Y.Column(0).ToArray());
        Assert.Equal([0.0, 1, 1, 1], Datasets.Or.Y.Column(0).ToArray());
        Assert.Equal([0.0, 1, 1, 0], Datasets.Xor.Y.Column(0).ToArray());
        Assert.Equal(new Shape(4, 2), Shape.Of(Datasets.Xor.X));
    }

    [Fact]
    public void Synthetic_data_fits_the_article_network_and_repeats_for_a_seed()
    {
        var a = Datasets.Synthetic(64, seed: 3);
        Assert.Equal(new Shape(64, 5), Shape.Of(a.X));
        Assert.Equal(new Shape(64, 1), Shape.Of(a.Y));
        Assert.All(a.Y.Enumerate(), y => Assert.InRange(y, 0.1, 0.9));
        Assert.Equal(a.X, Datasets.Synthetic(64, seed: 3).X);
        Assert.NotEqual(a.X, Datasets.Synthetic(64, seed: 4).X);
    }

    [Fact]
    public void Moons_alternate_classes_and_repeat_for_a_seed()
    {
        var moons = Datasets.Moons(100, 0.1, seed: 1);
        Assert.Equal(new Shape(100, 2), Shape.Of(moons.X));
        Assert.Equal(50, moons.Y.Enumerate().Count(y => y == 1));
        Assert.Equal(moons.X, Datasets.Moons(100, 0.1, seed: 1).X);
    }

    [Fact]
    public void An_instance_is_a_batch_of_one()
    {
        var (x, y) = Datasets.Xor.Instance(2);
        Assert.Equal(new Shape(1, 2), Shape.Of(x));
        Assert.Equal([1.0, 0.0], x.Row(0).ToArray());
        Assert.Equal(1.0, y[0, 0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.Xor.Instance(4));
    }

    [Fact]
    public void Initializers_repeat_for_a_seed_and_respect_their_scale()
    {
        foreach (var init in new[] { Initializer.Uniform(), Initializer.Normal(), Initializer.Xavier, Initializer.He })
            Assert.Equal(init.Create(4, 3, new Random(5)), init.Create(4, 3, new Random(5)));

        var xavier = Initializer.Xavier.Create(200, 100, new Random(1));
        var limit = Math.Sqrt(6.0 / 300);
        Assert.All(xavier.Enumerate(), w => Assert.InRange(w, -limit, limit));

        var he = Initializer.He.Create(200, 100, new Random(1));
        var std = Math.Sqrt(he.Enumerate().Select(w => w * w).Average());
        Assert.InRange(std, 0.9 * Math.Sqrt(2.0 / 200), 1.1 * Math.Sqrt(2.0 / 200));

        Assert.All(Initializer.Zeros.Create(3, 3, new Random(1)).Enumerate(), w => Assert.Equal(0.0, w));
    }

    [Fact]
    public void Zero_initialization_keeps_the_neurons_of_a_layer_identical_while_training()
    {
        var data = Datasets.Synthetic(16);
        var net = Network.Create([5, 3, 1], Activation.Sigmoid, initializer: Initializer.Zeros);
        Trainer.Train(net, data.X, data.Y, new TrainingOptions { Epochs = 50, Alpha = 0.5 });
        var w = net.Layers[0].W;
        Assert.NotEqual(0.0, w[0, 0]);                          // it did learn something …
        Assert.Equal(w.Column(0), w.Column(1));                  // … but every hidden neuron learned the same thing
        Assert.Equal(w.Column(0), w.Column(2));
    }

    [Fact]
    public void A_line_that_misses_the_origin_cannot_be_fitted_without_a_bias()
    {
        var line = Datasets.Line(21, slope: 0.5, intercept: 0.7);
        Assert.Equal(new Shape(21, 1), Shape.Of(line.X));
        Assert.Equal(0.7, line.Y[10, 0], 12); // x = 0 in the middle
        var options = new TrainingOptions { Epochs = 500, Alpha = 0.02 };
        var without = Network.Create([1, 1], Activation.Identity, seed: 1);
        var with = Network.Create([1, 1], Activation.Identity, seed: 1, bias: BiasMode.Vector);
        var lossWithout = Trainer.Train(without, line.X, line.Y, options).FinalLoss;
        var lossWith = Trainer.Train(with, line.X, line.Y, options).FinalLoss;
        Assert.True(lossWith < 1e-6, $"with bias: {lossWith}");
        // Without bias the best line through the origin leaves ½ Σ 0.7² = 5.145 unexplained.
        Assert.Equal(0.5 * 21 * 0.49, lossWithout, 3);
    }
}
