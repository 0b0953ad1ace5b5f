namespace Backprop.Notebooks.Tests.Lessons;

public class AccuracyExerciseTests
{
    // Four instances with 2 features and 2 classes; the class is the larger feature.
    private static readonly Dataset Test = new("hand-made",
        Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0 }, { 0, 1 }, { 2, 1 }, { 1, 3 } }), Classification.OneHot([0, 1, 0, 1], 2));

    /// <summary>W = I reads every instance right; W = [[0, 1], [1, 0]] reads every one wrong.</summary>
    private static Network Net(bool right, Activation? activation = null) => Network.FromWeights(
        [right ? Matrix<double>.Build.DenseIdentity(2) : Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 1 }, { 1, 0 } })],
        [activation ?? Activation.Identity]);

    [Fact]
    public void A_better_network_of_another_architecture_passes_with_both_accuracies()
    {
        var result = AccuracyExercise.Check(() => Net(right: true, Activation.Sigmoid), Test, toBeat: Net(right: false));
        Assert.True(result.Passed);
        Assert.Equal("Beat the notebook: your 2-2 network (sigmoid) gets 4 of 4 test digits right (100.0 %); " +
                     "the notebook's 2-2 network (identity) gets 0 (0.0 %). Beaten by 4 (needed 1).", result.Message);
    }

    [Fact]
    public void A_network_that_does_not_beat_the_notebook_fails_and_says_so()
    {
        var result = AccuracyExercise.Check(() => Net(right: false, Activation.Sigmoid), Test, toBeat: Net(right: true));
        Assert.Equal(ExerciseState.Wrong, result.State);
        Assert.Contains("gets 0 of 4 test digits right (0.0 %)", result.Message);
        Assert.Contains("Not beaten by 1 yet", result.Message);
    }

    [Fact]
    public void The_notebooks_own_architecture_does_not_count()
    {
        var result = AccuracyExercise.Diagnose(Net(right: true), Test, toBeat: Net(right: false));
        Assert.False(result.Passed);
        Assert.Contains("That is the notebook's architecture", result.Message);
    }

    [Fact]
    public void Wrong_input_or_output_sizes_are_named_before_anything_runs()
    {
        var wide = Network.Create([3, 2], Activation.Sigmoid);
        Assert.Contains("your network has 3 inputs, but each instance has 2 values", AccuracyExercise.Diagnose(wide, Test, Net(true)).Message);
        var tall = Network.Create([2, 5], Activation.Sigmoid);
        Assert.Contains("your output layer has 5 neurons, but there are 2 classes", AccuracyExercise.Diagnose(tall, Test, Net(true)).Message);
        Assert.Contains("not answered yet", AccuracyExercise.Diagnose(null, Test, Net(true)).Message);
        Assert.Equal(ExerciseState.NotAnswered, AccuracyExercise.Check(() => throw new NotAnswered("build a network."), Test, Net(true)).State);
    }
}
