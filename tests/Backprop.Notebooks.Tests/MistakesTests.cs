namespace Backprop.Notebooks.Tests;

/// <summary>
/// The typical wrong answers of <see cref="Mistakes"/>: each is the engine's step with one piece
/// changed, differs from the right answer (or it could never be recognised), and is recognised
/// by the check with its own diagnosis.
/// </summary>
public class MistakesTests
{
    private static readonly Dataset Batch = Datasets.Synthetic(64, seed: 0).Take(8);

    private static Network Article() => Network.Create([5, 2, 4, 3, 3, 1], Activation.Sigmoid, seed: 1, firstLayerNumber: 95);

    [Fact]
    public void Every_layer_mistake_differs_from_the_right_answer_and_is_recognised_as_itself()
    {
        var net = Article();
        var forward = net.Forward(Batch.X);
        var right = net.Backward(forward, Batch.Y);
        for (var l = 0; l < 5; l++)
        {
            var (state, received) = (forward.Layers[l], right[l].DLossDO);
            AssertRecognised("∂L/∂W", Mistakes.DLossDW(state, received), right[l].DLossDW);
            AssertRecognised("ΔW", Mistakes.DLossDW(state, received, alpha: 0.1), right[l].DeltaW(0.1));
            AssertRecognised("∂L/∂O_prev", Mistakes.PassedDown(state, received), right[l].DLossDInput);
            AssertRecognised("W after the step", Mistakes.Update(forward, Batch.Y, 0.2, l), state.W - right[l].DeltaW(0.2));
        }
    }

    [Fact]
    public void The_missing_g_prime_is_the_product_without_delta()
    {
        var forward = Article().Forward(Batch.X);
        var top = forward.Layers[4];
        var dLdO = top.O - Batch.Y;
        var missing = Mistakes.DLossDW(top, dLdO)[0];
        Assert.StartsWith("g′ is missing: yours is O_L99ᵀ @ (∂L/∂O_L100)", missing.Diagnosis);
        Assert.Equal(top.Input.TransposeThisAndMultiply(dLdO), missing.Value);
    }

    [Fact]
    public void A_transpose_mistake_is_offered_only_where_the_wrong_product_runs()
    {
        var net = Article();
        var forward = net.Forward(Batch.X);
        var right = net.Backward(forward, Batch.Y);
        Assert.Contains(Mistakes.PassedDown(forward.Layers[3], right[3].DLossDO), m => m.Diagnosis.StartsWith("W_L99 is not transposed", StringComparison.Ordinal)); // W_L99 is (3×3)
        Assert.DoesNotContain(Mistakes.PassedDown(forward.Layers[2], right[2].DLossDO), m => m.Diagnosis.Contains("not transposed", StringComparison.Ordinal)); // W_L98 is (4×3)
    }

    [Fact]
    public void Updating_too_early_is_named_below_the_output_only()
    {
        var forward = Article().Forward(Batch.X);
        Assert.StartsWith("updated too early", Mistakes.Update(forward, Batch.Y, 0.2, 0)[0].Diagnosis);
        Assert.DoesNotContain(Mistakes.Update(forward, Batch.Y, 0.2, 4), m => m.Diagnosis.StartsWith("updated too early", StringComparison.Ordinal));
    }

    [Fact]
    public void A_shared_weight_names_each_use_and_the_missing_one()
    {
        var m = Matrix<double>.Build.Dense(1, 1, 0.8);
        var net = Network.FromWeights([m, m.Clone(), m.Clone()], [Activation.Sigmoid, Activation.Sigmoid, Activation.Identity], firstLayerNumber: 97);
        var x = Matrix<double>.Build.Dense(1, 1, 1.5);
        var uses = net.Backward(net.Forward(x), Matrix<double>.Build.Dense(1, 1, 0.2));
        var sum = uses.Layers.Sum(g => g.DLossDW[0, 0]);
        var mistakes = Mistakes.SharedWeight(uses);
        Assert.All(mistakes, mistake => Assert.NotEqual(sum, mistake.Value, 9));
        var verdict = Exercise.Check("∂L/∂w", () => uses[1].DLossDW[0, 0] + uses[2].DLossDW[0, 0], sum, mistakes);
        Assert.Contains("the use in W_L98 is missing", verdict.Message);
        Assert.Contains("the use in W_L99 only", Exercise.Check("∂L/∂w", () => uses[1].DLossDW[0, 0], sum, mistakes).Message);
    }

    [Fact]
    public void The_mean_over_n_does_not_offer_a_divisor_that_is_n()
    {
        var forward = Article().Forward(Batch.X);
        var summed = Matrix<double>.Build.Dense(8, 3, 1.0);   // as many rows as instances: dividing by the rows is the mean
        Assert.DoesNotContain(Mistakes.MeanOverN(forward.Layers[2], summed, 8), m => m.Diagnosis.Contains("you divided by 8", StringComparison.Ordinal));
        Assert.Equal(2, Mistakes.MeanOverN(forward.Layers[2], Matrix<double>.Build.Dense(4, 3, 1.0), 8).Count);
    }

    private static void AssertRecognised(string what, IReadOnlyList<Mistake> mistakes, Matrix<double> right)
    {
        Assert.NotEmpty(mistakes);
        foreach (var mistake in mistakes)
        {
            Assert.True((mistake.Value - right).Enumerate().Max(Math.Abs) > 1e-9, $"{what}: '{mistake.Diagnosis}' equals the right answer");
            var verdict = Exercise.Check(what, () => mistake.Value, right, mistakes);
            Assert.Equal(ExerciseState.Wrong, verdict.State);
            Assert.Contains(mistake.Diagnosis, verdict.Message);
        }
    }
}
