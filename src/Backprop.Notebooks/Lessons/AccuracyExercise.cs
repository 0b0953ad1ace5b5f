namespace Backprop.Notebooks;

/// <summary>
/// The digits lesson's challenge: train another architecture and beat the notebook's network on
/// the test set by a margin. Like <see cref="Exercise"/> it runs the learner's code and returns a
/// verdict, never throws for the learner's mistakes (wrong sizes, a diverging α): ✓, what is
/// wrong, or not answered yet.
/// </summary>
public static class AccuracyExercise
{
    /// <summary>
    /// Passes when the network that <paramref name="yours"/> builds and trains classifies at least
    /// <paramref name="margin"/> more pictures of <paramref name="test"/> right than
    /// <paramref name="toBeat"/> and is built differently (other layer sizes or activations);
    /// the verdict reports both accuracies.
    /// </summary>
    /// <param name="yours">The learner's code: builds and trains a network, returns it.</param>
    /// <param name="test">The test set.</param>
    /// <param name="toBeat">The notebook's trained network.</param>
    /// <param name="margin">How many more test pictures yours must get right.</param>
    public static ExerciseResult Check(Func<Network?> yours, Dataset test, Network toBeat, int margin = 1)
    {
        ArgumentNullException.ThrowIfNull(yours);
        try
        {
            return Diagnose(yours(), test, toBeat, margin);
        }
        catch (NotAnswered e)
        {
            return new ExerciseResult("Beat the notebook", ExerciseState.NotAnswered, $"Beat the notebook: not answered yet. Hint: {e.Message}");
        }
        catch (TrainingDivergedException e)
        {
            return new ExerciseResult("Beat the notebook", ExerciseState.Wrong, $"Beat the notebook: your training diverged: {e.Message} Try an α ten times smaller.");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException or NullReferenceException or ArithmeticException)
        {
            return new ExerciseResult("Beat the notebook", ExerciseState.Wrong, $"Beat the notebook: your code threw {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>The verdict on a trained network: used by <see cref="Check"/> and by tests.</summary>
    public static ExerciseResult Diagnose(Network? yours, Dataset test, Network toBeat, int margin = 1)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(toBeat);
        const string what = "Beat the notebook";
        if (yours is null) return new(what, ExerciseState.NotAnswered, $"{what}: not answered yet. Hint: build and train your network in the marked region and return it.");
        if (yours.InputSize != test.X.ColumnCount)
            return Fail($"your network has {yours.InputSize} inputs, but each instance has {test.X.ColumnCount} values: the first size must be {test.X.ColumnCount}.");
        if (yours.Output.Size != test.Y.ColumnCount)
            return Fail($"your output layer has {yours.Output.Size} neurons, but there are {test.Y.ColumnCount} classes: the last size must be {test.Y.ColumnCount}, one neuron per class.");
        var baseline = ConfusionMatrix.Of(toBeat, test);
        var mine = ConfusionMatrix.Of(yours, test);
        var score = $"your {Describe(yours)} gets {Html.Number(mine.Correct)} of {Html.Number(mine.Total)} test digits right ({Percent(mine.Accuracy)}); " +
                    $"the notebook's {Describe(toBeat)} gets {Html.Number(baseline.Correct)} ({Percent(baseline.Accuracy)})";
        if (Describe(yours) == Describe(toBeat))
            return Fail($"{score}. That is the notebook's architecture: change the layer sizes or the activations.");
        if (mine.Correct < baseline.Correct + margin)
            return Fail($"{score}. Not beaten by {Html.Number(margin)} yet: try more neurons, another hidden layer, another activation, or a different α.");
        return new ExerciseResult(what, ExerciseState.Correct, $"{what}: {score}. Beaten by {Html.Number(mine.Correct - baseline.Correct)} (needed {Html.Number(margin)}).");

        static ExerciseResult Fail(string message) => new(what, ExerciseState.Wrong, $"{what}: {message}");
    }

    /// <summary>"64-32-10 network (sigmoid)" or "64-32-10 network (ReLU, sigmoid)".</summary>
    private static string Describe(Network network) =>
        $"{string.Join("-", network.Sizes)} network ({string.Join(", ", network.Layers.Select(l => l.Activation.Name).Distinct())})";

    private static string Percent(double share) => Html.Number(100 * share, "0.0") + " %";
}
