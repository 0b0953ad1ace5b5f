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
    public void A_better_network_of_another_architecture_passes_with_both_accuracies_and_the_margin()
    {
        var result = AccuracyExercise.Check(() => Net(right: true, Activation.Sigmoid), Test, toBeat: Net(right: false));
        Assert.Equal(ExerciseState.Correct, result.State);
        Assert.Equal("Beat the notebook: your 2-2 network (sigmoid) gets 4 of 4 test digits right (100.0 %); " +
                     "the notebook's 2-2 network (identity) gets 0 (0.0 %). Beaten by 4 (needed 1).", result.Message);
    }

    [Fact]
    public void A_network_that_does_not_beat_the_notebook_is_wrong_and_says_so()
    {
        var result = AccuracyExercise.Check(() => Net(right: false, Activation.Sigmoid), Test, toBeat: Net(right: true));
        Assert.Equal(ExerciseState.Wrong, result.State);
        Assert.Contains("gets 0 of 4 test digits right (0.0 %)", result.Message);
        Assert.Contains("Not beaten by 1 yet", result.Message);
    }

    [Fact]
    public void Beating_the_notebook_by_less_than_the_margin_is_not_enough()
    {
        var result = AccuracyExercise.Check(() => Net(right: true, Activation.Sigmoid), Test, toBeat: Net(right: false), margin: 5);
        Assert.Equal(ExerciseState.Wrong, result.State);
        Assert.Contains("Not beaten by 5 yet", result.Message);
        Assert.Equal(ExerciseState.Correct, AccuracyExercise.Check(() => Net(right: true, Activation.Sigmoid), Test, Net(right: false), margin: 4).State);
    }

    [Fact]
    public void The_notebooks_own_architecture_does_not_count()
    {
        var result = AccuracyExercise.Diagnose(Net(right: true), Test, toBeat: Net(right: false));
        Assert.Equal(ExerciseState.Wrong, result.State);
        Assert.Contains("That is the notebook's architecture", result.Message);
    }

    [Fact]
    public void Wrong_input_or_output_sizes_are_named_before_anything_runs()
    {
        var wide = Network.Create([3, 2], Activation.Sigmoid);
        Assert.Contains("your network has 3 inputs, but each instance has 2 values", AccuracyExercise.Diagnose(wide, Test, Net(true)).Message);
        var tall = Network.Create([2, 5], Activation.Sigmoid);
        Assert.Contains("your output layer has 5 neurons, but there are 2 classes", AccuracyExercise.Diagnose(tall, Test, Net(true)).Message);
    }

    [Fact]
    public void Unanswered_code_is_not_answered_yet_with_its_hint()
    {
        var thrown = AccuracyExercise.Check(() => throw new NotAnswered("start from the notebook's network"), Test, Net(true));
        Assert.Equal(ExerciseState.NotAnswered, thrown.State);
        Assert.Equal("Beat the notebook: not answered yet. Hint: start from the notebook's network", thrown.Message);
        Assert.Equal(ExerciseState.NotAnswered, AccuracyExercise.Check(() => null, Test, Net(true)).State);
    }

    [Fact]
    public void Code_that_throws_is_wrong_with_the_exception_named_and_never_throws_itself()
    {
        var result = AccuracyExercise.Check(() =>
        {
            var tall = Network.Create([2, 5], Activation.Sigmoid);
            Trainer.Train(tall, Test.X, Test.Y, new TrainingOptions { Epochs = 1 });
            return tall;
        }, Test, Net(true));
        Assert.Equal(ExerciseState.Wrong, result.State);
        Assert.StartsWith("Beat the notebook: your code threw ShapeException: ", result.Message);
    }

    [Fact]
    public void A_diverging_training_is_wrong_and_suggests_a_smaller_alpha()
    {
        var result = AccuracyExercise.Check(() =>
        {
            var linear = Network.Create([2, 2], Activation.Identity, seed: 1);
            Trainer.Train(linear, Test.X, Test.Y, new TrainingOptions { Epochs = 200, Alpha = 10 });
            return linear;
        }, Test, Net(true));
        Assert.Equal(ExerciseState.Wrong, result.State);
        Assert.StartsWith("Beat the notebook: your training diverged: Training diverged at epoch ", result.Message);
        Assert.EndsWith("Try an α ten times smaller.", result.Message);
    }
}
