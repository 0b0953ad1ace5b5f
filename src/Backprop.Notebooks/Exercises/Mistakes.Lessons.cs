namespace Backprop.Notebooks;

/// <summary>The typical wrong answers of exercises that belong to one lesson, each named for what it checks.</summary>
public static partial class Mistakes
{
    /// <summary>Lesson 01, the perceptron rule w ← w + α (y − ŷ) x: the push reversed, no update, z used for ŷ.</summary>
    /// <param name="before">The step whose weights the learner starts from.</param>
    /// <param name="after">The engine's next step, which visits <paramref name="x"/>.</param>
    /// <param name="x">The instance the next step visits.</param>
    /// <param name="alpha">α of the run.</param>
    public static IReadOnlyList<Mistake> PerceptronW(PerceptronStep before, PerceptronStep after, Vector<double> x, double alpha = 1)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(x);
        var (w0, w1) = (Vector<double>.Build.DenseOfEnumerable(before.W), Vector<double>.Build.DenseOfEnumerable(after.W));
        var z = w0.DotProduct(x) + before.B;
        return
        [
            new(WrongWay, (2 * w0 - w1).ToRowMatrix()),
            new("w did not move, but the perceptron is wrong here (ŷ is not y), so the rule must move it: check your ŷ and the factor y − ŷ.", w0.ToRowMatrix()),
            new(ZForYHat, (w0 + alpha * (after.Target - z) * x).ToRowMatrix()),
        ];
    }

    /// <summary>Lesson 01, the perceptron rule for b, b ← b + α (y − ŷ): b left alone, the push reversed, z used for ŷ.</summary>
    /// <inheritdoc cref="PerceptronW" path="/param"/>
    public static IReadOnlyList<NumberMistake> PerceptronB(PerceptronStep before, PerceptronStep after, Vector<double> x, double alpha = 1)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(x);
        var z = Vector<double>.Build.DenseOfEnumerable(before.W).DotProduct(x) + before.B;
        return
        [
            new("b did not move: the rule changes b by α · (y − ŷ), just like a weight whose input is always 1.", before.B),
            new(WrongWay, 2 * before.B - after.B),
            new(ZForYHat, before.B + alpha * (after.Target - z)),
        ];
    }

    private const string WrongWay = "the push goes the wrong way: the rule uses y − ŷ (target minus answer), not ŷ − y.";

    private const string ZForYHat = "you used z = w·x + b itself where the rule needs ŷ, the step of z: ŷ is only ever 0 or 1.";

    /// <summary>Lesson 02, ∂L/∂W of an instance: the state of another instance used (the one worked in the text above).</summary>
    /// <param name="state">The layer's forward state for the instance of the exercise.</param>
    /// <param name="dLossDO">The ∂L/∂O it received.</param>
    /// <param name="otherInstance">The same gradient for the instance worked in the text.</param>
    /// <param name="other">That instance's number.</param>
    public static IReadOnlyList<Mistake> DLossDWOfInstance(LayerState state, Matrix<double> dLossDO, Matrix<double> otherInstance, int other)
    {
        ArgumentNullException.ThrowIfNull(state);
        return [.. DLossDW(state, dLossDO, received: "O_L100 − Y"),
            new($"that is ∂L/∂W_{state.Layer.Name} of instance {other}, from the section above. Use the state and target of this exercise's instance.", otherInstance)];
    }

    /// <summary>Lesson 04, ΔW for the mean loss from the summed one: divided by the rows or the columns of ΔW instead of n.</summary>
    /// <param name="state">The layer's forward state.</param>
    /// <param name="summed">ΔW for the summed loss.</param>
    /// <param name="n">The number of instances.</param>
    public static IReadOnlyList<Mistake> MeanOverN(LayerState state, Matrix<double> summed, int n)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(summed);
        var name = state.Layer.Name;
        var mistakes = new List<Mistake>();
        if (summed.RowCount != n)
        {
            mistakes.Add(new($"you divided by {summed.RowCount}, the number of inputs of {name} (the rows of ΔW_{name}): the mean is over the n = {n} instances.",
                summed / summed.RowCount));
        }

        if (summed.ColumnCount != n && summed.ColumnCount != summed.RowCount)
        {
            mistakes.Add(new($"you divided by {summed.ColumnCount}, the number of neurons of {name} (the columns of ΔW_{name}): the mean is over the n = {n} instances.",
                summed / summed.ColumnCount));
        }

        return mistakes;
    }

    /// <summary>Lesson 05, ∂L/∂W with the column of ones: the ones put first instead of last.</summary>
    /// <param name="previousO">O_prev without the ones, (n×k).</param>
    /// <param name="delta">δ of the layer, (n×j).</param>
    /// <param name="previousName">The name of O_prev, e.g. "O_L99".</param>
    public static IReadOnlyList<Mistake> OnesColumnFirst(Matrix<double> previousO, Matrix<double> delta, string previousName)
    {
        ArgumentNullException.ThrowIfNull(previousO);
        ArgumentNullException.ThrowIfNull(delta);
        var onesFirst = Matrix<double>.Build.Dense(previousO.RowCount, 1, 1.0).Append(previousO);
        return [new($"the bias row came first: the ones column goes last, after {previousName}, so the last row of the taller W (and of its gradient) is the bias.",
            onesFirst.TransposeThisAndMultiply(delta))];
    }

    /// <summary>Lesson 05, the hand-off with the column of ones: the first column dropped instead of the ones' last one.</summary>
    /// <param name="delta">δ of the layer, (n×j).</param>
    /// <param name="w">The taller W, (k + 1)×j.</param>
    public static IReadOnlyList<Mistake> OnesColumnHandOff(Matrix<double> delta, Matrix<double> w)
    {
        ArgumentNullException.ThrowIfNull(delta);
        ArgumentNullException.ThrowIfNull(w);
        var all = delta.TransposeAndMultiply(w);
        return [new("you dropped the first column, which belongs to neuron 1 of the layer below, and kept the last, which belongs to the bias neuron.",
            all.SubMatrix(0, all.RowCount, 1, all.ColumnCount - 1))];
    }

    /// <summary>
    /// Lesson 07, the gradient of a weight used in several layers: one use alone, all uses but
    /// one, their mean, their product.
    /// </summary>
    /// <param name="uses">The gradients of the layers that share the weight, each for its own use, (1×1) each.</param>
    public static IReadOnlyList<NumberMistake> SharedWeight(Gradients uses)
    {
        ArgumentNullException.ThrowIfNull(uses);
        var values = uses.Layers.Select(g => g.DLossDW[0, 0]).ToArray();
        var names = uses.Layers.Select(g => $"W_{g.Layer.Name}").ToArray();
        var mistakes = new List<NumberMistake>();
        for (var i = 0; i < values.Length; i++)
        {
            var others = string.Join(" and ", names.Where((_, j) => j != i));
            mistakes.Add(new($"that is the gradient of the use in {names[i]} only; w is also {others}, and the loss feels every use.", values[i]));
            if (values.Length > 2)
            {
                mistakes.Add(new($"the use in {names[i]} is missing: yours adds up the others only. Every use of w sends back a share.", values.Sum() - values[i]));
            }
        }

        mistakes.Add(new($"that is the mean of the {values.Length} uses: the loss feels the whole nudge of w through each use, so the shares are not averaged.", values.Average()));
        mistakes.Add(new("that is the product of the uses; in y = x · x the gradients of the two uses were not multiplied.", values.Aggregate(1.0, (a, b) => a * b)));
        return mistakes;
    }

    /// <summary>
    /// Lesson 08, tip 1: ∂L/∂O handed down through the two top layers, from δ of the output. The
    /// wrong answers: ∂L sent through weights already updated, one step short, δ not handed on,
    /// and the hand-off's own mistakes.
    /// </summary>
    /// <param name="forward">The forward pass.</param>
    /// <param name="labels">Y.</param>
    /// <param name="after">The network after the update with <paramref name="alpha"/>.</param>
    /// <param name="alpha">α of that update.</param>
    public static IReadOnlyList<Mistake> PassedDownTwoLayers(ForwardPass forward, Matrix<double> labels, Network after, double alpha)
    {
        ArgumentNullException.ThrowIfNull(forward);
        ArgumentNullException.ThrowIfNull(after);
        var loss = new SquaredLoss();
        var right = LoopBackprop.Backward(forward, labels, loss);
        var l = forward.Layers.Count - 2;
        var (name, aboveName) = (forward.Layers[l].Layer.Name, forward.Layers[l + 1].Layer.Name);
        var throughNewW = LoopBackprop.Backward(forward with { Layers = [.. forward.Layers.Select((s, i) => s with { W = after.Layers[i].W })] }, labels, loss);
        var early = PlantedBugs.UpdateWhileBackpropagating(alpha).Backward(forward, labels, loss);
        const string Updated = "∂L went down through updated weights (W − ΔW). The outputs were made with the old W, which the states of the forward pass still hold: tip 1.";
        return
        [
            new(Updated, throughNewW[l].DLossDInput),
            new(Updated, early[l].DLossDInput),
            new($"that is ∂L/∂O_{name}, what {aboveName} passes down: one layer short, {name}'s own step is still to do.", right[l + 1].DLossDInput),
            new($"that is δ_{name}: {name} still has to pass it down through its W.", right[l].DLossDZ),
            .. PassedDown(forward.Layers[l], right[l].DLossDO),
        ];
    }

    /// <summary>
    /// Lesson 08, tip 3: ΔW of a linear output layer. The wrong answers: the sigmoid's g′ used out
    /// of habit, and the input of the layer below used (off by one layer).
    /// </summary>
    /// <param name="forward">The forward pass of the network with the linear output.</param>
    /// <param name="labels">Y.</param>
    /// <param name="alpha">α.</param>
    public static IReadOnlyList<Mistake> LinearOutputDeltaW(ForwardPass forward, Matrix<double> labels, double alpha)
    {
        ArgumentNullException.ThrowIfNull(forward);
        var loss = new SquaredLoss();
        var right = LoopBackprop.Backward(forward, labels, loss);
        var top = forward.Layers[^1];
        var sigmoidHabit = BackwardStep.Correct with { Delta = (s, d) => d.PointwiseMultiply(Activation.Sigmoid.Derivative(s.Z, s.O)) };
        var fedFromBelow = top with { Input = forward.Layers[^3].O };
        var name = top.Layer.Name;
        return
        [
            new($"you multiplied by the sigmoid's g′, O ⊙ (1 − O), but {name} is linear here: its g′ is 1, so δ_{name} is just O − Y.",
                LoopBackprop.Backward(forward, labels, loss, sigmoidHabit)[^1].DeltaW(alpha)),
            new($"off by one layer: that is O_{forward.Layers[^3].Layer.Name}, the input of {forward.Layers[^2].Layer.Name}. ΔW_{name} takes the input of {name}, O_{top.Layer.PreviousName}.",
                fedFromBelow.Layer.Backward(fedFromBelow, right[^1].DLossDO).DeltaW(alpha)),
        ];
    }

    /// <summary>Lesson 09, δ of the layer with the mystery bug: the mystery's δ kept, g′ missing, g′ twice.</summary>
    /// <param name="forward">The forward pass.</param>
    /// <param name="state">The forward state of the layer with the bug.</param>
    /// <param name="received">The ∂L/∂O it received.</param>
    public static IReadOnlyList<Mistake> MysteryDelta(ForwardPass forward, LayerState state, Matrix<double> received)
    {
        ArgumentNullException.ThrowIfNull(forward);
        return
        [
            new("that is still the mystery's δ in this layer: either your function returns buggy.Delta here, or it makes the same mistake. This layer's δ needs its own g′(Z).",
                PlantedBugs.Mystery.StepFor(forward).Delta(state, received)),
            new("g′ is missing: yours is the ∂L/∂O the layer received; δ = ∂L/∂O ⊙ g′(Z).", received),
            new("g′ is applied twice: δ = ∂L/∂O ⊙ g′(Z) has one g′.", PlantedBugs.DerivativeTwice.StepFor(forward).Delta(state, received)),
        ];
    }

    /// <summary>
    /// Lesson 11, the flops of one step's matrix products: δ @ Wᵀ counted in the first layer too,
    /// multiply-adds instead of flops, the forward pass only, δ @ Wᵀ left out, one instance's share.
    /// </summary>
    /// <param name="sizes">The layer sizes, input first.</param>
    /// <param name="n">The batch size.</param>
    public static IReadOnlyList<NumberMistake> StepFlops(IReadOnlyList<int> sizes, int n)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        var right = (double)Backprop.Fast.Flops.OfStep(sizes, n);
        var forward = Enumerable.Range(1, sizes.Count - 1).Sum(l => 2.0 * n * sizes[l - 1] * sizes[l]);   // one product per layer
        return
        [
            new("that counts δ @ Wᵀ in the first layer too: nothing is passed below X, so the first layer has two products, not three.", 3 * forward),
            new("that counts multiply-adds: each one is 2 flops, a multiplication and an addition.", right / 2),
            new("that is the forward pass only: the backward pass has its own products, ∂L/∂W and δ @ Wᵀ.", forward),
            new("that leaves out δ @ Wᵀ, the product that passes ∂L down to the layer below.", 2 * forward),
            new("that is one instance's share: every product runs over all n rows of the batch.", right / n),
        ];
    }

    /// <summary>Lesson 10, the accuracy: a count instead of a share, integer division, a percentage, the error rate.</summary>
    /// <param name="accuracy">The right share, from 0 to 1.</param>
    /// <param name="count">The number of pictures.</param>
    public static IReadOnlyList<NumberMistake> Accuracy(double accuracy, int count) =>
    [
        new("that is how many test pictures are right, not their share: divide by the number of pictures.", Math.Round(accuracy * count)),
        new("yours is 0: in C# an int divided by a larger int is 0. Turn one of them into a double before dividing.", 0),
        new("that is a percentage; the check wants the share, from 0 to 1.", 100 * accuracy),
        new("that is the share of pictures read wrong: count the pictures whose guess and label agree.", 1 - accuracy),
    ];
}
