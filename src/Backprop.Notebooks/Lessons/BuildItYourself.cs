namespace Backprop.Notebooks;

/// <summary>
/// The checks of lesson 06 ("Build it yourself"): each runs the learner's function once on fixed
/// weights and data, compares every result with the engine's on the same inputs (in the order a
/// learner would debug them: the forward pass bottom-up, the backward loop top-down), and returns
/// a <see cref="FunctionCheck{T}"/>. Typical mistakes are recognised by their value and named.
/// Like <see cref="Exercise.Check(string, Func{Matrix{double}}, Matrix{double}, IReadOnlyList{Mistake}, double, bool)"/>,
/// a check never throws for the learner's mistakes, and the learner's code gets copies, so it cannot spoil the inputs.
/// </summary>
public static partial class BuildItYourself
{
    private const double Tolerance = 1e-9;
    private static readonly SquaredLoss Sum = new();
    private static readonly BackwardStep Right = BackwardStep.Correct;

    /// <summary>Checks a forward pass: Z and O of every layer, from the first layer up.</summary>
    public static FunctionCheck<ForwardFunction> CheckForward(ForwardFunction yours, Matrix<double> x, Matrix<double>[] w, Matrix<double>[] b)
    {
        ArgumentNullException.ThrowIfNull(yours);
        const string what = "forward pass";
        var forward = EngineFunctions.NetworkOf(w, b).Forward(x);
        if (Exercise.Run(what, () => yours(x.Clone(), Copy(w), Copy(b)), out var answer) is { } failed) return new(what, [failed], yours, EngineFunctions.Forward);
        var (z, o) = answer;
        var layers = forward.Layers;
        if ((Count(what, "Z", z, layers.Count) ?? Count(what, "O", o, layers.Count)) is { } miscount) return new(what, [miscount], yours, EngineFunctions.Forward);
        var items = layers.SelectMany((s, l) => new[]
        {
            Item($"Z_{s.Layer.Name}", z[l], s.Z, new Mistake($"the bias is missing: Z_{s.Layer.Name} = O_{s.Layer.PreviousName} @ W_{s.Layer.Name} + b_{s.Layer.Name}, with b added to every row.", s.Input * s.W)),
            Item($"O_{s.Layer.Name}", o[l], s.O, new Mistake($"σ is missing: O_{s.Layer.Name} = σ(Z_{s.Layer.Name}), not Z_{s.Layer.Name} itself.", s.Z)),
        });
        return new(what, Verdicts(what, items), yours, EngineFunctions.Forward);
    }

    /// <summary>Checks the loss and its derivative on an output O and labels Y.</summary>
    public static FunctionCheck<LossFunction> CheckLoss(LossFunction yours, Matrix<double> o, Matrix<double> y)
    {
        ArgumentNullException.ThrowIfNull(yours);
        ArgumentNullException.ThrowIfNull(o);
        const string what = "loss";
        var (loss, dLossDO) = EngineFunctions.Loss(o, y);
        if (Exercise.Run(what, () => yours(o.Clone(), y.Clone()), out var answer) is { } failed) return new(what, [failed], yours, EngineFunctions.Loss);
        var n = o.RowCount;
        var error = o - y;
        var items = new[]
        {
            new Check("L", () => Exercise.Diagnose("L", answer.L, loss,
            [
                new("the ½ is missing: L = ½ Σ (O − Y)².", 2 * loss),
                new($"yours is the mean, ½ Σ (O − Y)² / n with n = {n}; this course adds the instances up: L = ½ Σ (O − Y)².", loss / n),
                new("the square is missing: L = ½ Σ (O − Y)², each error squared before the sum.", 0.5 * error.Enumerate().Sum()),
            ], Tolerance)),
            Item("∂L/∂O_L100", answer.DLossDO, dLossDO,
                new Mistake($"(O − Y) / n is the derivative of the mean; the loss here is the sum ½ Σ (O − Y)², whose derivative is O − Y.", dLossDO / n),
                new Mistake("2 (O − Y) is the derivative of Σ (O − Y)² without the ½; with the ½ the 2 cancels: ∂L/∂O = O − Y.", 2 * dLossDO)),
        };
        return new(what, Verdicts(what, items), yours, EngineFunctions.Loss);
    }

    /// <summary>Checks a backward loop: ∂L/∂W and ∂L/∂b of every layer, from the output layer down.</summary>
    public static FunctionCheck<BackwardFunction> CheckBackward(BackwardFunction yours, Matrix<double> x, Matrix<double> y, Matrix<double>[] w, Matrix<double>[] b)
    {
        ArgumentNullException.ThrowIfNull(yours);
        ArgumentNullException.ThrowIfNull(w);
        const string what = "backward loop";
        var forward = EngineFunctions.NetworkOf(w, b).Forward(x);
        var right = LoopBackprop.Backward(forward, y, Sum);
        var dLossDO = Sum.Derivative(forward.Output, y);
        if (Exercise.Run(what, () => yours(x.Clone(), Copy(w), Copy(forward.Layers.Select(s => s.Z)), Copy(forward.Layers.Select(s => s.O)), dLossDO.Clone()),
                out var answer) is { } failed)
        {
            return new(what, [failed], yours, EngineFunctions.Backward);
        }

        var (dW, dB) = answer;
        var layers = forward.Layers.Count;
        if ((Count(what, "∂L/∂W", dW, layers) ?? Count(what, "∂L/∂b", dB, layers)) is { } miscount) return new(what, [miscount], yours, EngineFunctions.Backward);
        var variants = BackwardMistakes(forward, y);
        var n = x.RowCount;
        var items = Enumerable.Range(0, layers).Reverse().SelectMany(l =>
        {
            var name = forward.Layers[l].Layer.Name;
            var wMistakes = variants.Select(v => new Mistake(v.Diagnosis, v.Gradients[l].DLossDW)).ToList();
            if (l < layers - 1) wMistakes.Add(HandOffWithoutSlope(forward, right, l));
            var bMistakes = variants.Select(v => new Mistake(v.Diagnosis, v.Gradients[l].DLossDB!))
                .Append(new Mistake($"yours is Σₙ δ / n, the mean over the n = {n} instances; the loss adds them up, so ∂L/∂b_{name} = Σₙ δ_{name}.", right[l].DLossDB! / n));
            var state = forward.Layers[l];
            if (state.Input.ColumnCount == state.O.ColumnCount) // square W: the layer's own O has O_prev's shape
                wMistakes.Add(new(OwnO(state, Shape.Of(state.W)), state.O.TransposeThisAndMultiply(right[l].DLossDZ)));
            return new[]
            {
                OwnOShape(Item($"∂L/∂W_{name}", dW[l], right[l].DLossDW, [.. wMistakes]), dW[l], state),
                Item($"∂L/∂b_{name}", dB[l], right[l].DLossDB!, [.. bMistakes]),
            };
        });
        return new(what, Verdicts(what, items), yours, EngineFunctions.Backward);
    }

    /// <summary>Checks an update with the gradients of one backward pass on X and Y: the new W and b of every layer.</summary>
    public static FunctionCheck<UpdateFunction> CheckUpdate(UpdateFunction yours, Matrix<double> x, Matrix<double> y, Matrix<double>[] w, Matrix<double>[] b, double alpha)
    {
        ArgumentNullException.ThrowIfNull(yours);
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(b);
        const string what = "update";
        var network = EngineFunctions.NetworkOf(w, b);
        var gradients = network.Backward(network.Forward(x), y);
        var dW = gradients.Layers.Select(g => g.DLossDW).ToArray();
        var dB = gradients.Layers.Select(g => g.DLossDB!).ToArray();
        var (newW, newB) = EngineFunctions.Update(w, b, dW, dB, alpha);
        if (Exercise.Run(what, () => yours(Copy(w), Copy(b), Copy(dW), Copy(dB), alpha), out var answer) is { } failed) return new(what, [failed], yours, EngineFunctions.Update);
        var (yourW, yourB) = answer;
        if ((Count(what, "W", yourW, w.Length) ?? Count(what, "b", yourB, w.Length)) is { } miscount) return new(what, [miscount], yours, EngineFunctions.Update);
        var items = Enumerable.Range(0, w.Length).SelectMany(l =>
        {
            var name = network.Layers[l].Name;
            return new[]
            {
                Item($"W_{name}", yourW[l], newW[l],
                    new Mistake($"W_{name} did not change: W ← W − α · ∂L/∂W.", w[l]),
                    new Mistake("you added: gradient descent subtracts, W ← W − α · ∂L/∂W.", w[l] + alpha * dW[l]),
                    new Mistake("α is missing: W ← W − α · ∂L/∂W.", w[l] - dW[l])),
                Item($"b_{name}", yourB[l], newB[l],
                    new Mistake($"b_{name} did not change: b ← b − α · ∂L/∂b, like W.", b[l]),
                    new Mistake("you added: gradient descent subtracts, b ← b − α · ∂L/∂b.", b[l] + alpha * dB[l]),
                    new Mistake("α is missing: b ← b − α · ∂L/∂b.", b[l] - dB[l])),
            };
        });
        return new(what, Verdicts(what, items), yours, EngineFunctions.Update);
    }

    /// <summary>
    /// Checks an epoch loop against <see cref="Trainer.Train(Network, Matrix{double}, Matrix{double}, TrainingOptions)"/> from the same weights with the same
    /// seed: the loss of every epoch, then W and b of every layer after training.
    /// </summary>
    public static FunctionCheck<TrainFunction> CheckTraining(TrainFunction yours, Matrix<double> x, Matrix<double> y, Matrix<double>[] w, Matrix<double>[] b,
        int epochs, int batchSize, double alpha, int seed)
    {
        ArgumentNullException.ThrowIfNull(yours);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(w);
        const string what = "epoch loop";
        var (rightW, rightB, rightLosses) = EngineFunctions.Train(x, y, Copy(w), Copy(b), epochs, batchSize, alpha, seed);
        if (Exercise.Run(what, () => yours(x.Clone(), y.Clone(), Copy(w), Copy(b), epochs, batchSize, alpha, seed), out var answer) is { } failed)
            return new(what, [failed], yours, EngineFunctions.Train);
        var (yourW, yourB, yourLosses) = answer;
        if ((Count(what, "W", yourW, w.Length) ?? Count(what, "b", yourB, w.Length)) is { } miscount) return new(what, [miscount], yours, EngineFunctions.Train);
        var lossCheck = new Check($"loss per epoch ({epochs} epochs)", () => LossPerEpoch(yourLosses, rightLosses, x.RowCount, batchSize));
        var items = Enumerable.Range(0, w.Length).SelectMany(l =>
        {
            var name = EngineFunctions.LayerName(l, w.Length);
            return new[] { Item($"trained W_{name}", yourW[l], rightW[l]), Item($"trained b_{name}", yourB[l], rightB[l]) };
        });
        return new(what, Verdicts(what, items.Prepend(lossCheck)), yours, EngineFunctions.Train);
    }

    /// <summary>One result to check: its label in the "correct so far" line, and its verdict.</summary>
    private sealed record Check(string Label, Func<ExerciseResult> Diagnose);

    private static Check Item(string name, Matrix<double>? yours, Matrix<double> expected, params Mistake[] mistakes) =>
        new($"{name} {Shape.Of(expected)}", () => yours is null
            ? new ExerciseResult(name, ExerciseState.Wrong, $"{name}: yours is null; every layer needs its {Shape.Of(expected)} matrix.")
            : Exercise.Diagnose(name, yours, expected, mistakes, Tolerance));

    /// <summary>
    /// The verdicts to show: one ✓ line when every result is right; otherwise one ✓ line for the
    /// results right so far (if any) and the verdict on the first one that is not.
    /// </summary>
    private static IReadOnlyList<ExerciseResult> Verdicts(string what, IEnumerable<Check> checks)
    {
        var right = new List<string>();
        foreach (var check in checks)
        {
            var verdict = check.Diagnose();
            if (!verdict.Passed)
                return right.Count == 0 ? [verdict] : [new(what, ExerciseState.Correct, $"{what}, so far: {string.Join(", ", right)} {(right.Count == 1 ? "equals" : "equal")} the engine's."), verdict];
            right.Add(check.Label);
        }
        return [new(what, ExerciseState.Correct, $"{what} is correct: {string.Join(", ", right)} equal the engine's.")];
    }

    /// <summary>Null when the learner returned one matrix per layer; otherwise the verdict saying what is missing.</summary>
    private static ExerciseResult? Count(string what, string quantity, Matrix<double>[]? yours, int layers) =>
        yours is null ? new(what, ExerciseState.Wrong, $"{what}: yours returned no {quantity}; return one {quantity} per layer ({layers}).")
        : yours.Length != layers ? new(what, ExerciseState.Wrong, $"{what}: yours returned {yours.Length} {quantity} for a network of {layers} layers; return one per layer, the first layer first.")
        : null;

    private static Matrix<double>[] Copy(IEnumerable<Matrix<double>> matrices) => matrices.Select(m => m.Clone()).ToArray();
}
