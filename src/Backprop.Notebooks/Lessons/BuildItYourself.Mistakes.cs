namespace Backprop.Notebooks;

/// <summary>The typical mistakes the checks of lesson 06 recognise, and the epoch loop's verdict.</summary>
public static partial class BuildItYourself
{
    /// <summary>Whole backward passes with one typical mistake each, and what to tell a learner whose result matches one.</summary>
    private static IReadOnlyList<(string Diagnosis, Gradients Gradients)> BackwardMistakes(ForwardPass forward, Matrix<double> y) =>
    [
        ("g′ is missing: δ = ∂L/∂O ⊙ g′(Z), not ∂L/∂O alone.",
            LoopBackprop.Backward(forward, y, Sum, Right with { Delta = (_, dLossDO) => dLossDO })),
        ("g′ is applied twice: δ = ∂L/∂O ⊙ g′(Z), with g′ once.", PlantedBugs.DerivativeTwice.Backward(forward, y, Sum)),
        ("g′ is computed from Z: the sigmoid's slope is O ⊙ (1 − O), from O.",
            LoopBackprop.Backward(forward, y, Sum, Right with { Delta = (s, dLossDO) => dLossDO.PointwiseMultiply(s.Z.PointwiseMultiply(1 - s.Z)) })),
        ("∂L/∂b is δ of the first instance only: every instance pushes on the bias, so add δ up over the n rows: Σₙ δ.",
            PlantedBugs.BiasNotSummed.Backward(forward, y, Sum)),
    ];

    /// <summary>
    /// ∂L/∂W of layer <paramref name="l"/> when the layer above passed down ∂L/∂O @ Wᵀ instead of
    /// δ @ Wᵀ (its g′ left out on the way down), everything above being right.
    /// </summary>
    private static Mistake HandOffWithoutSlope(ForwardPass forward, Gradients right, int l)
    {
        var above = forward.Layers[l + 1];
        var name = above.Layer.Name;
        var passed = right[l + 1].DLossDO.TransposeAndMultiply(above.W);
        var wrong = forward.Layers[l].Layer.Backward(forward.Layers[l], passed);
        return new($"{name} passed down ∂L/∂O_{name} @ W_{name}ᵀ; it must pass down δ_{name} @ W_{name}ᵀ, with g′ of {name} in δ.", wrong.DLossDW);
    }

    /// <summary>What to say when ∂L/∂W was made from the layer's own O instead of its input O_prev.</summary>
    private static string OwnO(LayerState state, Shape want) =>
        $"this is O_{state.Layer.Name}ᵀ @ δ_{state.Layer.Name}, made with the layer's own O; ∂L/∂W_{state.Layer.Name} {want} needs its input: " +
        $"O_{state.Layer.PreviousName}ᵀ @ δ, with O_prev = O[l − 1] (X for the first layer).";

    /// <summary>
    /// A ∂L/∂W check that first recognises the (j×j) shape of O_ownᵀ @ δ, the layer's own O used
    /// for O_prev (an off-by-one in the layer index); other answers go to <paramref name="check"/>.
    /// </summary>
    private static Check OwnOShape(Check check, Matrix<double>? yours, LayerState state)
    {
        var (want, j) = (Shape.Of(state.W), state.O.ColumnCount);
        if (yours is null || want == new Shape(j, j) || Shape.Of(yours) != new Shape(j, j)) return check;
        var what = $"∂L/∂W_{state.Layer.Name}";
        return check with { Diagnose = () => new(what, ExerciseState.Wrong, $"{what}: wrong shape: yours is {Shape.Of(yours)}, expected {want}: {OwnO(state, want)}") };
    }

    /// <summary>
    /// The verdict on the losses of an epoch loop: right, a constant factor (the mean of the
    /// batches instead of their sum), wrong from the first epoch (the steps of one epoch), or
    /// wrong from a later epoch (what changes between epochs: the shuffle).
    /// </summary>
    private static ExerciseResult LossPerEpoch(double[]? yours, IReadOnlyList<double> right, int n, int batchSize)
    {
        const string what = "loss per epoch";
        if (yours is null) return Wrong($"yours returned no losses; return one loss per epoch ({right.Count}).");
        if (yours.Length != right.Count) return Wrong($"yours has {yours.Length} losses for {right.Count} epochs: one per epoch, the sum of its batches' losses.");
        if (yours.Any(v => !double.IsFinite(v))) return Wrong("yours contains NaN or ∞; every epoch's loss must be a finite number.");
        var first = Enumerable.Range(0, right.Count).FirstOrDefault(e => Math.Abs(yours[e] - right[e]) > Tolerance, -1);
        if (first < 0) return new(what, ExerciseState.Correct, $"{what} ({right.Count} epochs) is correct.");

        var batches = (n + batchSize - 1) / batchSize;
        var c = yours[0] / right[0];
        if (right.Select((r, e) => Math.Abs(yours[e] - c * r) <= Tolerance * Math.Max(1, Math.Abs(c))).All(same => same))
        {
            return Wrong($"yours is {Html.Number(c, "0.####")} × the engine's loss in every epoch" + (Math.Abs(c * batches - 1) < 1e-9
                ? $": that is the mean of the {batches} batches' losses; an epoch's loss is their sum."
                : ": an epoch's loss is the sum of its batches' losses, each ½ Σ (O − Y)².") + " The steps themselves are right.");
        }

        var values = $"yours {Html.Number(yours[first], "0.000000")}, the engine's {Html.Number(right[first], "0.000000")}";
        var last = n % batchSize == 0 ? "" : $" (the last one has {n % batchSize} rows)";
        if (first == 0)
        {
            return Wrong($"epoch 1 already differs ({values}). Check one epoch: every row of X once, in batches of {batchSize}{last}; " +
                "each batch's loss taken from its own forward pass, before its update; the batches' losses added up.");
        }

        var agree = first == 1 ? "epoch 1 agrees" : $"epochs 1 to {first} agree";
        return Wrong($"{agree}, epoch {first + 1} differs ({values}). One epoch is right, so look at what changes from one epoch to the next: " +
            "make the Random once, before the epochs, and shuffle a fresh 0…n−1 at the start of every epoch.");

        static ExerciseResult Wrong(string message) => new(what, ExerciseState.Wrong, $"{what}: {message}");
    }
}
