namespace Backprop.Notebooks;

/// <summary>
/// The digits lesson's challenge: train another architecture and beat the notebook's network on
/// the test set. Like <see cref="Exercise.Check(string, Matrix{double}, Matrix{double}, double)"/>
/// it returns a green verdict or throws <see cref="ExerciseFailedException"/> saying why.
/// </summary>
public static class AccuracyExercise
{
    /// <summary>
    /// Passes when <paramref name="yours"/> classifies more of <paramref name="test"/> right than
    /// <paramref name="toBeat"/> and is built differently (other layer sizes or activations);
    /// the verdict reports both accuracies.
    /// </summary>
    public static ExerciseResult Check(Network yours, Dataset test, Network toBeat)
    {
        var result = Diagnose(yours, test, toBeat);
        return result.Passed ? result : throw new ExerciseFailedException(result.Message);
    }

    /// <summary>The verdict without throwing: used by <see cref="Check"/> and by tests.</summary>
    public static ExerciseResult Diagnose(Network? yours, Dataset test, Network toBeat)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(toBeat);
        const string what = "Beat the notebook";
        if (yours is null) return Fail("no network yet: build and train yours where the cell says so.");
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
        if (mine.Correct <= baseline.Correct)
            return Fail($"{score}. Not beaten yet: try more neurons, another hidden layer, another activation, or a different α.");
        return new ExerciseResult(what, true, $"{what}: {score}. Beaten by {Html.Number(mine.Correct - baseline.Correct)}.");

        static ExerciseResult Fail(string message) => new(what, false, $"{what}: {message}");
    }

    /// <summary>"64-32-10 network (sigmoid)" or "64-32-10 network (ReLU, sigmoid)".</summary>
    private static string Describe(Network network) =>
        $"{string.Join("-", network.Sizes)} network ({string.Join(", ", network.Layers.Select(l => l.Activation.Name).Distinct())})";

    private static string Percent(double share) => Html.Number(100 * share, "0.0") + " %";
}
