namespace Backprop.Tests;

/// <summary>
/// Every training guard says what the value must be and which setting to change, in which
/// direction: the wording is the lesson, so it is asserted word for word.
/// </summary>
public class TrainingGuardTests
{
    private static readonly Dataset Data = Datasets.Synthetic(8);

    private static Network Article() => Network.Create([5, 2, 4, 3, 3, 1], Activation.Sigmoid, seed: 1, firstLayerNumber: 95);

    private static ArgumentOutOfRangeException Refused(TrainingOptions options) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Trainer.Train(Article(), Data.X, Data.Y, options));

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Too_few_epochs_ask_for_at_least_one(int epochs)
    {
        var ex = Refused(new TrainingOptions { Epochs = epochs });
        Assert.StartsWith($"Epochs must be at least 1; got {epochs}: set TrainingOptions.Epochs to 1 or more (each epoch is one pass over the data)", ex.Message);
        Assert.Equal("options", ex.ParamName);
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-0.1, "-0.1")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void A_bad_alpha_asks_for_a_small_positive_TrainingOptions_Alpha(double alpha, string shown) =>
        Assert.StartsWith($"The learning rate α must be a positive, finite number; got {shown}: set TrainingOptions.Alpha to a small positive number such as 0.1",
            Refused(new TrainingOptions { Alpha = alpha }).Message);

    [Fact]
    public void A_bad_alpha_in_an_update_asks_for_a_small_positive_alpha()
    {
        var net = Article();
        var gradients = net.Backward(net.Forward(Data.X), Data.Y);
        Assert.StartsWith("The learning rate α must be a positive, finite number; got -1: set α to a small positive number such as 0.1",
            Assert.Throws<ArgumentOutOfRangeException>(() => net.Update(gradients, -1)).Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void A_batch_size_below_one_asks_for_one_or_more_or_the_full_batch(int batchSize) =>
        Assert.StartsWith($"Batch size must be between 1 and the number of instances (8); got {batchSize}: " +
            "set TrainingOptions.BatchSize to 1 or more, or to null for the full batch", Refused(new TrainingOptions { BatchSize = batchSize }).Message);

    [Fact]
    public void A_batch_size_above_the_instances_asks_for_at_most_their_number_or_the_full_batch() =>
        Assert.StartsWith("Batch size must be between 1 and the number of instances (8); got 9: " +
            "set TrainingOptions.BatchSize to at most 8, or to null for the full batch", Refused(new TrainingOptions { BatchSize = 9 }).Message);

    [Fact]
    public void Divergence_in_the_output_error_names_the_layer_and_asks_for_a_tenth_of_alpha()
    {
        // Lesson 7's run: tanh layers under a linear output, α = 0.1.
        var data = Datasets.Synthetic(64, seed: 0);
        var tanh = Activation.Tanh;
        var net = Network.Create([5, 2, 4, 3, 3, 1], [tanh, tanh, tanh, tanh, Activation.Identity], seed: 1, firstLayerNumber: 95);
        var ex = Assert.Throws<TrainingDivergedException>(() => Trainer.Train(net, data.X, data.Y, new TrainingOptions { Epochs = 500, Alpha = 0.1 }));
        Assert.Equal("Training diverged at epoch 132: the loss is Infinity; every Z and O is finite, but the squared error of O_L100 (layer L100) " +
            "overflowed. The learning rate α = 0.1 is probably too large: lower TrainingOptions.Alpha (try 0.01) and train again.", ex.Message);
    }

    [Fact]
    public void Divergence_inside_a_layer_names_its_Z_and_asks_for_a_tenth_of_alpha()
    {
        // Finite inputs so large that Z of the first layer overflows to ∞ in epoch 1.
        var x = TestData.M(new double[,] { { 1e308, 1e308 } });
        var y = TestData.M(new double[,] { { 1 } });
        var net = Network.FromWeights([TestData.M(new double[,] { { 2, 2 }, { 2, 2 } }), TestData.M(new double[,] { { 1 }, { 1 } })],
            [Activation.Identity], firstLayerNumber: 95);
        var ex = Assert.Throws<TrainingDivergedException>(() => Trainer.Train(net, x, y, new TrainingOptions { Epochs = 3, Alpha = 50 }));
        Assert.Equal("Training diverged at epoch 1: the loss is Infinity; the first non-finite values appeared in Z_L96 (layer L96). " +
            "The learning rate α = 50 is probably too large: lower TrainingOptions.Alpha (try 5) and train again.", ex.Message);
    }
}
