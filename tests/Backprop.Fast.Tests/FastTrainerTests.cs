namespace Backprop.Fast.Tests;

public class FastTrainerTests
{
    [Fact]
    public void The_5_2_4_3_3_1_network_trains_to_the_readable_losses_epoch_by_epoch()
    {
        // One step agrees to about 1e-16 (the property tests hold it to 1e-12). Those roundings
        // compound; where the loss leaves its plateau (near epoch 650) they grow to 1e-6, so the run stops before.
        var data = Datasets.Synthetic(64, seed: 0);
        var readable = Network.Create([5, 2, 4, 3, 3, 1], Activation.Sigmoid, seed: 1, bias: BiasMode.Vector, firstLayerNumber: 95);
        var fast = readable.Clone();
        var options = new TrainingOptions { Epochs = 500, Alpha = 0.2 };
        var expected = Trainer.Train(readable, data.X, data.Y, options);
        var actual = FastTrainer.Train(fast, data.X, data.Y, options);
        Assert.Equal(["L96", "L97", "L98", "L99", "L100"], actual.LayerNames);
        for (var e = 0; e < expected.Epochs; e++)
            Assert.True(Math.Abs(expected.Losses[e] - actual.Losses[e]) <= 1e-10 * expected.Losses[e], $"epoch {e + 1}: {expected.Losses[e]:R} vs {actual.Losses[e]:R}");
        Assert.True(actual.FinalLoss < actual.Losses[0]);
    }

    [Fact]
    public void Each_epoch_is_reported_with_the_readable_trainers_numbers()
    {
        var data = Datasets.Synthetic(10, seed: 1);
        var expected = new List<EpochReport>();
        var actual = new List<EpochReport>();
        var options = new TrainingOptions { Epochs = 5, Alpha = 0.05, BatchSize = 4, Seed = 2, RecordGradientNorms = true };
        Trainer.Train(Network.Create([5, 3, 1], Activation.Tanh, seed: 3), data.X, data.Y, options with { OnEpoch = expected.Add });
        FastTrainer.Train(Network.Create([5, 3, 1], Activation.Tanh, seed: 3), data.X, data.Y, options with { OnEpoch = actual.Add });
        Assert.Equal(expected.Select(r => r.Epoch), actual.Select(r => r.Epoch));
        for (var e = 0; e < 5; e++)
        {
            Assert.Equal(expected[e].Loss, actual[e].Loss, 12);
            Assert.Equal(2, actual[e].GradientNorms!.Count);
        }
    }

    [Fact]
    public void Divergence_is_reported_as_the_readable_trainer_reports_it()
    {
        var data = Datasets.Synthetic(16, seed: 2);
        var options = new TrainingOptions { Epochs = 200, Alpha = 50 };
        var readable = Network.Create([5, 8, 1], Activation.Identity, seed: 1, bias: BiasMode.Vector);
        var fast = readable.Clone();
        var expected = Assert.Throws<TrainingDivergedException>(() => Trainer.Train(readable, data.X, data.Y, options));
        var actual = Assert.Throws<TrainingDivergedException>(() => FastTrainer.Train(fast, data.X, data.Y, options));
        Assert.Equal(expected.Epoch, actual.Epoch);
        Assert.Equal(expected.Layer, actual.Layer);
        Assert.Equal(expected.Message, actual.Message);
    }

    [Fact]
    public void The_shared_loop_adds_no_allocation_per_step()
    {
        // An epoch allocates the same few objects (its norm sums, its norms, its report) whatever its
        // number of steps, so epochs of 4 and of 32 mini-batches allocate the same unless a step does.
        var (network, x, y) = TrainingWorkspaceTests.Build("5-2-4-3-3-1", BiasMode.Vector, "sigmoid", n: 64);
        Assert.Equal(BytesPerEpoch(network, x, y, batchSize: 16), BytesPerEpoch(network, x, y, batchSize: 2));
    }

    /// <summary>The fewest bytes any of the last 100 of 300 epochs allocated (a one-off by the runtime's tiering does not count).</summary>
    private static long BytesPerEpoch(Network network, Matrix<double> x, Matrix<double> y, int batchSize)
    {
        var marks = new long[301];
        marks[0] = GC.GetAllocatedBytesForCurrentThread();
        var options = new TrainingOptions { Epochs = 300, Alpha = 1e-6, BatchSize = batchSize, RecordGradientNorms = true, OnEpoch = e => marks[e.Epoch] = GC.GetAllocatedBytesForCurrentThread() };
        FastTrainer.Train(network.Clone(), x, y, options);
        return Enumerable.Range(201, 100).Min(e => marks[e] - marks[e - 1]);
    }

    [Fact]
    public void A_custom_backward_pass_is_refused_and_names_the_readable_trainer()
    {
        var data = Datasets.Xor;
        var options = new TrainingOptions { Backward = (f, y, l) => RecursiveBackprop.Backward(f, y, l) };
        var error = Assert.Throws<ArgumentException>(() => FastTrainer.Train(Network.Create([2, 2, 1], Activation.Sigmoid), data.X, data.Y, options));
        Assert.Contains("Trainer.Train", error.Message);
    }

    [Theory]
    [InlineData(0, 0.1, 2)]
    [InlineData(10, -1.0, 2)]
    [InlineData(10, 0.1, 0)]
    [InlineData(10, 0.1, 5)]
    public void Bad_options_are_refused_with_the_readable_trainers_messages(int epochs, double alpha, int batchSize)
    {
        var data = Datasets.Xor;
        var network = Network.Create([2, 2, 1], Activation.Sigmoid);
        var options = new TrainingOptions { Epochs = epochs, Alpha = alpha, BatchSize = batchSize };
        Assert.Equal(Assert.Throws<ArgumentOutOfRangeException>(() => Trainer.Train(network, data.X, data.Y, options)).Message,
            Assert.Throws<ArgumentOutOfRangeException>(() => FastTrainer.Train(network, data.X, data.Y, options)).Message);
    }
}
