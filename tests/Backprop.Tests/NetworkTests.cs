namespace Backprop.Tests;

public class NetworkTests
{
    [Fact]
    public void The_article_network_is_one_line_with_labels_L95_to_L100()
    {
        var net = Network.Create([5, 2, 4, 3, 3, 1], Activation.Sigmoid, seed: 1, firstLayerNumber: 95);
        Assert.Equal("L95", net.InputName);
        Assert.Equal(["L96", "L97", "L98", "L99", "L100"], net.Layers.Select(l => l.Name));
        Assert.Equal([new Shape(5, 2), new Shape(2, 4), new Shape(4, 3), new Shape(3, 3), new Shape(3, 1)], net.Layers.Select(l => Shape.Of(l.W)));
        Assert.Equal(10 + 8 + 12 + 9 + 3, net.ParameterCount);
        Assert.Equal([5, 2, 4, 3, 3, 1], net.Sizes);
        Assert.Equal("5-2-4-3-3-1 (L95…L100), sigmoid, bias none", net.ToString());
    }

    [Fact]
    public void Forward_keeps_Z_and_O_of_every_layer_with_batch_shapes()
    {
        var net = Network.Create([5, 2, 4, 3, 3, 1], Activation.Sigmoid, seed: 1, firstLayerNumber: 95);
        var x = Datasets.Synthetic(8).X;
        var forward = net.Forward(x);
        Assert.Equal([new Shape(8, 2), new Shape(8, 4), new Shape(8, 3), new Shape(8, 3), new Shape(8, 1)], forward.Layers.Select(s => Shape.Of(s.O)));
        Assert.All(forward.Layers, s => Assert.Equal(Shape.Of(s.Z), Shape.Of(s.O)));
        // O = σ(Z), and each layer's input is the previous layer's O.
        Assert.Equal(Activation.Sigmoid.Apply(forward.Layers[2].Z), forward.Layers[2].O);
        Assert.Same(forward.Layers[1].O, forward.Layers[2].Input);
        Assert.Same(x, forward.Layers[0].Input);
    }

    [Fact]
    public void A_tall_wide_and_square_mix_of_shapes_and_a_one_neuron_output_all_work()
    {
        foreach (var sizes in new[] { new[] { 1, 1 }, [6, 1], [1, 6, 1], [3, 3, 3], [2, 6, 2, 6, 1] })
        {
            var net = Network.Create(sizes, Activation.Tanh, seed: 2);
            var x = TestData.Random(7, sizes[0], new Random(1));
            var y = TestData.Random(7, sizes[^1], new Random(2));
            var g = net.Backward(net.Forward(x), y);
            for (var l = 0; l < g.Count; l++) Assert.Equal(Shape.Of(net.Layers[l].W), Shape.Of(g[l].DLossDW));
            Assert.Equal(new Shape(7, sizes[^1]), Shape.Of(net.Predict(x)));
        }
    }

    [Fact]
    public void Update_subtracts_alpha_times_the_gradient_and_keeps_earlier_weights_for_earlier_passes()
    {
        var net = Network.Create([5, 3, 1], Activation.Sigmoid, seed: 3, bias: BiasMode.Vector);
        var data = Datasets.Synthetic(6);
        var forward = net.Forward(data.X);
        var g = net.Backward(forward, data.Y);
        var w = net.Layers[0].W.Clone();
        var b = net.Layers[0].B!.Clone();
        net.Update(g, 0.5);
        Assert.True(TestData.MaxDifference(w - 0.5 * g[0].DLossDW, net.Layers[0].W) < 1e-15);
        Assert.True(TestData.MaxDifference(b - 0.5 * g[0].DLossDB!, net.Layers[0].B!) < 1e-15);
        Assert.Equal(w, forward.Layers[0].W); // the forward pass still holds the weights it used
        Assert.Equal(0.5 * g[0].DLossDW, g[0].DeltaW(0.5));
    }

    [Fact]
    public void The_ones_column_is_appended_after_activation_and_gets_no_gradient_as_a_neuron()
    {
        var net = Network.Create([5, 2, 4, 1], Activation.Sigmoid, seed: 4, bias: BiasMode.OnesColumn, firstLayerNumber: 95);
        var data = Datasets.Synthetic(6);
        var forward = net.Forward(data.X);
        // W is one row taller; each layer's input carries a last column of exact ones.
        Assert.Equal([new Shape(6, 2), new Shape(3, 4), new Shape(5, 1)], net.Layers.Select(l => Shape.Of(l.W)));
        Assert.All(forward.Layers, s => Assert.All(s.Input.Column(s.Input.ColumnCount - 1), v => Assert.Equal(1.0, v)));
        // O itself has no ones column: the activation never sees (or overwrites) the ones.
        Assert.Equal(new Shape(6, 2), Shape.Of(forward.Layers[0].O));
        var g = net.Backward(forward, data.Y);
        // What is passed down has one column per neuron of the layer below, not one for the ones.
        Assert.Equal(new Shape(6, 4), Shape.Of(g[2].DLossDInput));
        Assert.Equal(new Shape(6, 2), Shape.Of(g[1].DLossDInput));
    }

    [Fact]
    public void Networks_differing_only_in_bias_mode_start_from_the_same_parameters()
    {
        var none = Network.Create([5, 2, 4, 3, 3, 1], Activation.Sigmoid, seed: 7);
        var vector = Network.Create([5, 2, 4, 3, 3, 1], Activation.Sigmoid, seed: 7, bias: BiasMode.Vector);
        var ones = Network.Create([5, 2, 4, 3, 3, 1], Activation.Sigmoid, seed: 7, bias: BiasMode.OnesColumn);
        for (var l = 0; l < none.Layers.Count; l++)
        {
            Assert.Equal(none.Layers[l].W, vector.Layers[l].W);
            Assert.Equal(vector.Layers[l].W.Stack(vector.Layers[l].B!), ones.Layers[l].W);
        }
    }

    [Fact]
    public void Converting_bias_modes_round_trips_and_keeps_outputs()
    {
        var data = Datasets.Synthetic(5);
        var vector = new NetworkCase([5, 3, 2], [0, 1], BiasMode.Vector, 5, 11).Network();
        var back = vector.WithBiasMode(BiasMode.OnesColumn).WithBiasMode(BiasMode.Vector);
        Assert.True(TestData.MaxDifference(vector.Predict(data.X), back.Predict(data.X)) < 1e-15);
        Assert.Throws<ArgumentException>(() => vector.WithBiasMode(BiasMode.None));
    }

    [Fact]
    public void Clone_trains_independently()
    {
        var net = Network.Create([5, 3, 1], Activation.Sigmoid, seed: 3);
        var copy = net.Clone();
        var data = Datasets.Synthetic(6);
        copy.Update(copy.Backward(copy.Forward(data.X), data.Y), 1.0);
        Assert.NotEqual(net.Layers[0].W, copy.Layers[0].W);
        Assert.Equal(Network.Create([5, 3, 1], Activation.Sigmoid, seed: 3).Layers[0].W, net.Layers[0].W);
    }
}
