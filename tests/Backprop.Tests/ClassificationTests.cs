namespace Backprop.Tests;

public class ClassificationTests
{
    private static Dataset Numbered(int n) => new("numbered",
        Matrix<double>.Build.Dense(n, 2, (i, j) => i + 0.1 * j), Classification.OneHot(Enumerable.Range(0, n).Select(i => i % 3).ToArray(), 3));

    [Fact]
    public void A_split_is_the_same_for_the_same_seed_and_differs_for_another()
    {
        var data = Numbered(50);
        var a = data.Split(0.2, seed: 7);
        var b = data.Split(0.2, seed: 7);
        Assert.Equal(a.TestRows, b.TestRows);
        Assert.Equal(a.Test.X, b.Test.X);
        Assert.NotEqual(a.TestRows, data.Split(0.2, seed: 8).TestRows);
    }

    [Fact]
    public void A_split_puts_every_instance_in_exactly_one_part_with_its_own_label()
    {
        var data = Numbered(50);
        var (train, test) = data.Split(0.2, seed: 3);
        var split = data.Split(0.2, seed: 3);
        Assert.Equal(10, test.Count);
        Assert.Equal(40, train.Count);
        Assert.Empty(split.TrainRows.Intersect(split.TestRows));
        Assert.Equal(Enumerable.Range(0, 50), split.TrainRows.Concat(split.TestRows).Order());
        Assert.Equal(split.TestRows, split.TestRows.Order());   // each part keeps the original order
        for (var i = 0; i < test.Count; i++)
        {
            Assert.Equal(data.X.Row(split.TestRows[i]), test.X.Row(i));
            Assert.Equal(data.Y.Row(split.TestRows[i]), test.Y.Row(i));
        }
        Assert.Equal("numbered (test)", test.Name);
        Assert.Equal("numbered (train): 40 train, 10 test", split.ToString());
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    [InlineData(0.001)]
    public void A_split_that_leaves_a_part_empty_is_refused(double fraction)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Numbered(50).Split(fraction, seed: 1));
        Assert.Equal("testFraction", e.ParamName);
    }

    [Fact]
    public void One_hot_rows_have_a_single_1_in_the_label_column()
    {
        var y = Classification.OneHot([2, 0, 1], 3);
        Assert.Equal(Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 0, 1 }, { 1, 0, 0 }, { 0, 1, 0 } }), y);
        Assert.Throws<ArgumentOutOfRangeException>(() => Classification.OneHot([3], 3));
    }

    [Fact]
    public void The_guess_is_the_column_of_the_largest_output_and_ties_go_to_the_first()
    {
        var outputs = Matrix<double>.Build.DenseOfArray(new double[,] { { 0.1, 0.7, 0.2 }, { 0.9, 0.1, 0.0 }, { 0.4, 0.4, 0.1 } });
        Assert.Equal([1, 0, 0], Classification.ArgMax(outputs));
    }

    [Fact]
    public void Accuracy_is_the_share_of_right_guesses()
    {
        Assert.Equal(0.75, Classification.Accuracy([0, 1, 2, 2], [0, 1, 2, 1]));
        Assert.Equal(0.0, Classification.Accuracy([1], [0]));
        Assert.Throws<ArgumentException>(() => Classification.Accuracy([0, 1], [0]));
    }

    [Fact]
    public void The_accuracy_of_a_network_compares_its_largest_output_with_the_one_hot_label()
    {
        // Identity output, W = I: the output is the input, so the guess is the input's largest column.
        var net = Network.FromWeights([Matrix<double>.Build.DenseIdentity(3)], [Activation.Identity]);
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0, 0 }, { 0, 0, 5 }, { 0, 2, 1 }, { 3, 0, 4 } });
        var data = new Dataset("hand-made", x, Classification.OneHot([0, 2, 1, 0], 3));
        Assert.Equal([0, 2, 1, 2], Classification.Predict(net, x));
        Assert.Equal(0.75, Classification.Accuracy(net, data));
        Assert.Throws<ShapeException>(() => Classification.Accuracy(net, new Dataset("bad", x, Classification.OneHot([0, 1, 1, 0], 2))));
    }

    [Fact]
    public void A_confusion_matrix_counts_each_actual_and_guessed_pair()
    {
        int[] actual = [0, 0, 1, 1, 1, 2, 2, 2, 2];
        int[] guessed = [0, 1, 1, 1, 2, 2, 2, 0, 0];
        var m = ConfusionMatrix.From(actual, guessed, 3);

        Assert.Equal(3, m.Classes);
        Assert.Equal(1, m[0, 0]);
        Assert.Equal(1, m[0, 1]);
        Assert.Equal(2, m[1, 1]);
        Assert.Equal(1, m[1, 2]);
        Assert.Equal(2, m[2, 0]);
        Assert.Equal(2, m[2, 2]);
        Assert.Equal(0, m[0, 2]);
        Assert.Equal(9, m.Total);
        Assert.Equal(5, m.Correct);
        Assert.Equal(5 / 9.0, m.Accuracy, 12);
        Assert.Equal(Classification.Accuracy(actual, guessed), m.Accuracy, 12);
        Assert.Equal(4, m.Actual(2));
        Assert.Equal(3, m.Guessed(0));
        Assert.Equal([(2, 0, 2), (0, 1, 1), (1, 2, 1)], m.Mistakes());
    }

    [Fact]
    public void A_confusion_matrix_refuses_classes_out_of_range()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfusionMatrix.From([0, 3], [0, 1], 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfusionMatrix.From([0, 1], [0, -1], 3));
        Assert.Throws<ArgumentException>(() => ConfusionMatrix.From([0, 1], [0], 3));
    }

    [Fact]
    public void A_64_32_10_network_reads_at_least_90_percent_of_the_test_digits_from_a_fixed_seed()
    {
        var digits = Digits.Load(Backprop.Testing.RepoPaths.File("notebooks", "data", "digits.csv.gz"));
        var (train, test) = digits.Data.Split(0.2, seed: 3);
        var net = Network.Create([64, 32, 10], Activation.Sigmoid, seed: 1, bias: BiasMode.Vector, firstLayerNumber: 98);
        Trainer.Train(net, train.X, train.Y, new TrainingOptions { Epochs = 30, Alpha = 0.1, BatchSize = 50, Seed = 1 });

        var confusion = ConfusionMatrix.Of(net, test);
        Assert.Equal(test.Count, confusion.Total);
        Assert.True(confusion.Accuracy >= 0.90, $"test accuracy {confusion.Accuracy:P1}");
        Assert.Equal(Classification.Accuracy(net, test), confusion.Accuracy, 12);
    }
}
