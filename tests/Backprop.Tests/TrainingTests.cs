namespace Backprop.Tests;

public class TrainingTests
{
    [Fact]
    public void A_2_3_1_sigmoid_network_learns_XOR_from_a_fixed_seed()
    {
        var xor = Datasets.Xor;
        var net = Network.Create([2, 3, 1], Activation.Sigmoid, seed: 1, initializer: Initializer.Uniform(), bias: BiasMode.Vector);
        var history = Trainer.Train(net, xor.X, xor.Y, new TrainingOptions { Epochs = 5000, Alpha = 1.0 });
        var predictions = net.Predict(xor.X);
        for (var i = 0; i < 4; i++)
            Assert.True(Math.Abs(predictions[i, 0] - xor.Y[i, 0]) < 0.2, $"XOR row {i}: predicted {predictions[i, 0]:0.000}, wanted {xor.Y[i, 0]}");
        Assert.True(history.FinalLoss < history.Losses[0] / 10);
    }

    [Fact]
    public void The_5_2_4_3_3_1_network_loss_falls_on_the_synthetic_data()
    {
        var data = Datasets.Synthetic(64, seed: 0);
        var net = Network.Create([5, 2, 4, 3, 3, 1], Activation.Sigmoid, seed: 1, bias: BiasMode.Vector, firstLayerNumber: 95);
        var history = Trainer.Train(net, data.X, data.Y, new TrainingOptions { Epochs = 3000, Alpha = 0.2 });
        Assert.Equal(3000, history.Epochs);
        Assert.True(history.FinalLoss < 0.25 * history.Losses[0], $"loss went from {history.Losses[0]} to {history.FinalLoss}");
    }

    [Fact]
    public void Both_bias_modes_follow_the_same_training_trajectory()
    {
        var data = Datasets.Synthetic(32, seed: 5);
        var vector = Network.Create([5, 2, 4, 3, 3, 1], Activation.Sigmoid, seed: 9, bias: BiasMode.Vector);
        var ones = Network.Create([5, 2, 4, 3, 3, 1], Activation.Sigmoid, seed: 9, bias: BiasMode.OnesColumn);
        var options = new TrainingOptions { Epochs = 200, Alpha = 0.3 };
        var hv = Trainer.Train(vector, data.X, data.Y, options);
        var ho = Trainer.Train(ones, data.X, data.Y, options);
        for (var e = 0; e < hv.Epochs; e++) Assert.Equal(hv.Losses[e], ho.Losses[e], 12);
        for (var l = 0; l < vector.Layers.Count; l++)
            Assert.True(TestData.MaxDifference(vector.Layers[l].W.Stack(vector.Layers[l].B!), ones.Layers[l].W) < 1e-12);
    }

    [Fact]
    public void Mini_batches_visit_every_instance_once_per_epoch()
    {
        var data = Datasets.Synthetic(10, seed: 1);
        var steps = 0;
        var net = Network.Create([5, 3, 1], Activation.Tanh, seed: 3);
        // A batch of 4 over 10 instances is 3 steps per epoch (4, 4, 2); count the reports and the epochs.
        var history = Trainer.Train(net, data.X, data.Y, new TrainingOptions
        {
            Epochs = 5,
            Alpha = 0.05,
            BatchSize = 4,
            Seed = 2,
            RecordGradientNorms = true,
            OnEpoch = _ => steps++,
        });
        Assert.Equal(5, steps);
        Assert.Equal(5, history.GradientNorms.Count);
        Assert.Equal(2, history.GradientNorms[0].Count);
        Assert.All(history.Losses, l => Assert.True(double.IsFinite(l) && l > 0));
    }

    [Fact]
    public void Full_batch_epoch_loss_is_the_loss_of_the_forward_pass_before_the_update()
    {
        var data = Datasets.Synthetic(8, seed: 4);
        var net = Network.Create([5, 3, 1], Activation.Sigmoid, seed: 3);
        var before = net.Loss(data.X, data.Y);
        var history = Trainer.Train(net, data.X, data.Y, new TrainingOptions { Epochs = 1, Alpha = 0.1 });
        Assert.Equal(before, history.Losses[0], 15);
        Assert.True(net.Loss(data.X, data.Y) < before);
    }

    [Fact]
    public void Recorded_gradient_norms_show_vanishing_gradients_in_a_deep_sigmoid_network()
    {
        var data = Datasets.Synthetic(32, seed: 1);
        var net = Network.Create([5, 4, 4, 4, 4, 4, 1], Activation.Sigmoid, seed: 2, initializer: Initializer.Normal(0.5));
        var history = Trainer.Train(net, data.X, data.Y, new TrainingOptions { Epochs = 1, Alpha = 0.1, RecordGradientNorms = true });
        var norms = history.GradientNorms[0];
        Assert.True(norms[0] < norms[^1] / 10, $"first layer {norms[0]:e2}, last layer {norms[^1]:e2}");
    }

    [Fact]
    public void A_diverging_run_stops_with_the_epoch_and_the_first_bad_layer()
    {
        var data = Datasets.Synthetic(16, seed: 1);
        var net = Network.Create([5, 4, 1], [Activation.Identity, Activation.Identity], seed: 1, firstLayerNumber: 95);
        var ex = Assert.Throws<TrainingDivergedException>(() =>
            Trainer.Train(net, data.X, data.Y, new TrainingOptions { Epochs = 2000, Alpha = 50 }));
        Assert.True(ex.Epoch > 1);
        Assert.Contains($"epoch {ex.Epoch}", ex.Message);
        Assert.StartsWith("L9", ex.Layer);
        Assert.Contains($"layer {ex.Layer}", ex.Message);
        Assert.Contains("α = 50", ex.Message);
    }

    [Fact]
    public void Overflow_inside_a_layer_is_traced_to_that_layer()
    {
        // Finite inputs so large that Z of the first layer overflows to ∞ in epoch 1.
        var x = TestData.M(new double[,] { { 1e308, 1e308 } });
        var y = TestData.M(new double[,] { { 1 } });
        var net = Network.FromWeights([TestData.M(new double[,] { { 2, 2 }, { 2, 2 } }), TestData.M(new double[,] { { 1 }, { 1 } })],
            [Activation.Identity], firstLayerNumber: 95);
        var ex = Assert.Throws<TrainingDivergedException>(() => Trainer.Train(net, x, y, new TrainingOptions { Epochs = 3, Alpha = 0.1 }));
        Assert.Equal(1, ex.Epoch);
        Assert.Equal("L96", ex.Layer);
        Assert.Contains("Z_L96", ex.Message);
    }

    [Fact]
    public void Training_with_the_recursive_form_follows_the_same_trajectory_as_the_loop()
    {
        var data = Datasets.Synthetic(16, seed: 2);
        var a = Network.Create([5, 2, 4, 3, 3, 1], Activation.Sigmoid, seed: 3);
        var b = Network.Create([5, 2, 4, 3, 3, 1], Activation.Sigmoid, seed: 3);
        var loop = Trainer.Train(a, data.X, data.Y, new TrainingOptions { Epochs = 100, Alpha = 0.5 });
        var recursive = Trainer.Train(b, data.X, data.Y, new TrainingOptions { Epochs = 100, Alpha = 0.5, Backward = (f, y, l) => RecursiveBackprop.Backward(f, y, l) });
        Assert.Equal(loop.Losses, recursive.Losses);
    }

    [Fact]
    public void A_learner_can_write_the_backward_loop_from_the_per_layer_steps()
    {
        var data = Datasets.Synthetic(8, seed: 2);
        var net = Network.Create([5, 2, 4, 3, 3, 1], Activation.Tanh, seed: 3, bias: BiasMode.Vector);
        var forward = net.Forward(data.X);
        var dL = new SquaredLoss().Derivative(forward.Output, data.Y);
        var mine = new LayerGradients[net.Layers.Count];
        for (var l = net.Layers.Count - 1; l >= 0; l--)
        {
            mine[l] = net.Layers[l].Backward(forward.Layers[l], dL);
            dL = mine[l].DLossDZ.TransposeAndMultiply(forward.Layers[l].W); // δ @ Wᵀ
        }
        var engine = net.Backward(forward, data.Y);
        for (var l = 0; l < mine.Length; l++) Assert.Equal(engine[l].DLossDW, mine[l].DLossDW);
        Assert.Throws<ArgumentException>(() => net.Layers[0].Backward(forward.Layers[1], dL));
    }
}
