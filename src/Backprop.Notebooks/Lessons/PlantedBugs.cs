namespace Backprop.Notebooks;

/// <summary>A backward pass with one deliberate mistake, for the gallery of bugs.</summary>
/// <param name="Name">Short name, e.g. "g' applied twice".</param>
/// <param name="Mistake">The wrong line next to the right one, in the article's symbols.</param>
/// <param name="Backward">The backward pass with the mistake, usable wherever a backward pass is (training, gradient check).</param>
public sealed record PlantedBug(string Name, string Mistake, Func<ForwardPass, Matrix<double>, SquaredLoss, Gradients> Backward);

/// <summary>
/// Copies of the backward pass (loop form) with one classic mistake planted in each, built from
/// the engine's own pieces so that everything else stays right. Each has the signature
/// <c>Func&lt;ForwardPass, Matrix&lt;double&gt;, SquaredLoss, Gradients&gt;</c>: pass it to
/// <see cref="GradientCheck.Run"/> as <c>backward</c> to see its signature, or to
/// <see cref="TrainingOptions.Backward"/> to see what it does to the loss curve.
/// </summary>
public static class PlantedBugs
{
    /// <summary>No bug: the engine's loop form, for comparison.</summary>
    public static Gradients Correct(ForwardPass forward, Matrix<double> labels, SquaredLoss loss) =>
        LoopBackprop.Backward(forward, labels, loss);

    /// <summary>
    /// Missing transpose: passes down ∂L/∂O_prev = δ @ W instead of δ @ Wᵀ. With a non-square W
    /// the shapes disagree and a <see cref="ShapeException"/> names both; with square layers the
    /// product runs and silently passes down wrong numbers, which only a gradient check catches.
    /// </summary>
    public static Gradients MissingTranspose(ForwardPass forward, Matrix<double> labels, SquaredLoss loss) =>
        Loop(forward, labels, loss, (s, dLossDO, _) =>
        {
            var delta = dLossDO.PointwiseMultiply(GPrime(s));
            if (delta.ColumnCount != s.W.RowCount)
                throw new ShapeException($"{s.Layer.Name} backward: δ_{s.Layer.Name} {Shape.Of(delta)} @ W_{s.Layer.Name} {Shape.Of(s.W)}: " +
                    $"inner sizes {delta.ColumnCount} and {s.W.RowCount} differ; passing ∂L down needs W_{s.Layer.Name}ᵀ {new Shape(s.W.ColumnCount, s.W.RowCount)}");
            return Step(s, dLossDO, delta, passedDown: delta * s.W);
        });

    /// <summary>g' applied twice: δ = ∂L/∂O ⊙ g'(Z) ⊙ g'(Z) in every layer. Every gradient shrinks; learning slows down.</summary>
    public static Gradients DerivativeTwice(ForwardPass forward, Matrix<double> labels, SquaredLoss loss) =>
        Loop(forward, labels, loss, (s, dLossDO, _) =>
            Step(s, dLossDO, dLossDO.PointwiseMultiply(GPrime(s)).PointwiseMultiply(GPrime(s))));

    /// <summary>
    /// g' forgotten at the output: δ_out = ∂L/∂O instead of ∂L/∂O ⊙ g'(Z). Right only when the
    /// output layer is linear (g' = 1); with a sigmoid output every layer's gradient is off.
    /// </summary>
    public static Gradients OutputDerivativeForgotten(ForwardPass forward, Matrix<double> labels, SquaredLoss loss) =>
        Loop(forward, labels, loss, (s, dLossDO, isOutput) =>
            Step(s, dLossDO, isOutput ? dLossDO : dLossDO.PointwiseMultiply(GPrime(s))));

    /// <summary>
    /// Bias gradient not summed over n: ∂L/∂b = δ of the first instance only (what code written
    /// for one instance at a time computes), instead of Σₙ δ. Only ∂L/∂b is wrong, and only with
    /// a bias vector (<see cref="BiasMode.Vector"/>) and a batch of more than one instance.
    /// </summary>
    public static Gradients BiasNotSummed(ForwardPass forward, Matrix<double> labels, SquaredLoss loss) =>
        Loop(forward, labels, loss, (s, dLossDO, _) =>
        {
            var delta = dLossDO.PointwiseMultiply(GPrime(s));
            return Step(s, dLossDO, delta, dB: s.B is null ? null : delta.SubMatrix(0, 1, 0, delta.ColumnCount));
        });

    /// <summary>
    /// Sum versus mean: the backward pass starts from the other reduction than the loss it is
    /// given: O − Y for a mean loss (n times too large), (O − Y) / n for a summed loss (n times
    /// too small). Every gradient is off by the same factor n, so the directions are right but
    /// α effectively changes.
    /// </summary>
    public static Gradients SumVersusMean(ForwardPass forward, Matrix<double> labels, SquaredLoss loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        var other = new SquaredLoss(loss.Reduction == LossReduction.Sum ? LossReduction.Mean : LossReduction.Sum);
        return LoopBackprop.Backward(forward, labels, other);
    }

    /// <summary>
    /// Sign flip in the update: returns −∂L/∂W and −∂L/∂b, so the update W − α·(−∂L/∂W) adds ΔW
    /// instead of subtracting it. Training climbs the loss instead of descending it.
    /// </summary>
    public static Gradients SignFlip(ForwardPass forward, Matrix<double> labels, SquaredLoss loss) =>
        new(LoopBackprop.Backward(forward, labels, loss).Layers
            .Select(g => g with { DLossDW = -g.DLossDW, DLossDB = g.DLossDB is null ? null : -g.DLossDB }).ToArray());

    /// <summary>
    /// Updating while back-propagating, the article's first tip turned into a bug: walking down
    /// from the output, each layer's W is updated (W − α·∂L/∂W) before ∂L is passed down through
    /// it, so every layer below receives ∂L computed with weights the forward pass never used.
    /// <see cref="Network.Update"/> replaces matrices instead of changing them, so this loop
    /// writes the mistake out: it passes ∂L down through the updated W. It returns the ∂L/∂W it
    /// computed; the trainer's update then subtracts each once, which leaves exactly the weights
    /// the in-place loop leaves.
    /// </summary>
    /// <param name="alpha">The α of the in-place update, the same as the training's.</param>
    public static Func<ForwardPass, Matrix<double>, SquaredLoss, Gradients> UpdateWhileBackpropagating(double alpha) =>
        (forward, labels, loss) => Loop(forward, labels, loss, (s, dLossDO, _) =>
        {
            var delta = dLossDO.PointwiseMultiply(GPrime(s));
            var dW = s.Input.TransposeThisAndMultiply(delta);
            var updatedW = s.W - alpha * dW; // the mistake: W changes before ∂L goes down through it
            return Step(s, dLossDO, delta, passedDown: delta.TransposeAndMultiply(updatedW));
        });

    /// <summary>
    /// The gallery: every bug above with its wrong line (the update-while-back-propagating bug
    /// with <paramref name="alpha"/>).
    /// </summary>
    public static IReadOnlyList<PlantedBug> Gallery(double alpha) =>
    [
        new("missing transpose", "∂L/∂O_prev = δ @ W   (right: δ @ Wᵀ)", MissingTranspose),
        new("g' applied twice", "δ = ∂L/∂O ⊙ g'(Z) ⊙ g'(Z)   (right: ∂L/∂O ⊙ g'(Z))", DerivativeTwice),
        new("g' forgotten at the output", "δ_out = ∂L/∂O   (right: ∂L/∂O ⊙ g'(Z_out))", OutputDerivativeForgotten),
        new("bias not summed over n", "∂L/∂b = δ[first instance]   (right: Σₙ δ)", BiasNotSummed),
        new("sum versus mean", "∂L/∂O = (O − Y)/n for a summed loss   (right: O − Y)", SumVersusMean),
        new("sign flip in the update", "W ← W + ΔW   (right: W − ΔW)", SignFlip),
        new("update before all ΔW", "∂L/∂O_prev = δ @ (W − ΔW)ᵀ   (right: δ @ Wᵀ)", UpdateWhileBackpropagating(alpha)),
    ];

    /// <summary>
    /// The exercise of notebook 08: a backward pass with one bug that is not in the gallery, in
    /// one layer. Find the layer with <see cref="GradientCheck.Run"/> before reading on.
    /// </summary>
    /// <remarks>
    /// The answer: in the second-to-last layer, g' is computed from that layer's input O_prev
    /// instead of its own Z and O, an off-by-one in the layer index. Needs that layer's input to
    /// be as wide as the layer (true for L99 of the 5-2-4-3-3-1 network).
    /// </remarks>
    public static Gradients Mystery(ForwardPass forward, Matrix<double> labels, SquaredLoss loss)
    {
        ArgumentNullException.ThrowIfNull(forward);
        var buggy = forward.Layers.Count - 2;
        if (buggy < 1 || forward.Layers[buggy].Layer.Size != forward.Layers[buggy].Layer.InputSize)
            throw new ArgumentException("The mystery bug needs a second-to-last hidden layer as wide as its input, like L99 of 5-2-4-3-3-1", nameof(forward));
        return Loop(forward, labels, loss, (s, dLossDO, _) =>
        {
            if (!ReferenceEquals(s, forward.Layers[buggy])) return s.Layer.Backward(s, dLossDO);
            var previousO = forward.Layers[buggy - 1].O; // the mistake: the layer below's O
            return Step(s, dLossDO, dLossDO.PointwiseMultiply(s.Layer.Activation.Derivative(previousO, previousO)));
        });
    }

    /// <summary>The loop of <see cref="LoopBackprop"/> with a replaceable per-layer step (state, ∂L/∂O, is output).</summary>
    private static Gradients Loop(ForwardPass forward, Matrix<double> labels, SquaredLoss loss, Func<LayerState, Matrix<double>, bool, LayerGradients> step)
    {
        ArgumentNullException.ThrowIfNull(forward);
        ArgumentNullException.ThrowIfNull(loss);
        var dLossDO = loss.Derivative(forward.Output, labels);
        var layers = new LayerGradients[forward.Layers.Count];
        for (var l = layers.Length - 1; l >= 0; l--)
        {
            layers[l] = step(forward.Layers[l], dLossDO, l == layers.Length - 1);
            dLossDO = layers[l].DLossDInput;
        }
        return new Gradients(layers);
    }

    private static Matrix<double> GPrime(LayerState s) => s.Layer.Activation.Derivative(s.Z, s.O);

    /// <summary>
    /// The rest of a layer's step from its δ, right unless overridden: ∂L/∂W = Inputᵀ @ δ,
    /// ∂L/∂b = Σₙ δ, ∂L/∂O_prev = δ @ Wᵀ without the ones' column.
    /// </summary>
    private static LayerGradients Step(LayerState s, Matrix<double> dLossDO, Matrix<double> delta,
        Matrix<double>? dB = null, Matrix<double>? passedDown = null)
    {
        var dW = s.Input.TransposeThisAndMultiply(delta);
        dB ??= s.B is null ? null : Matrix<double>.Build.DenseOfRowVectors(delta.ColumnSums());
        var dInput = passedDown ?? delta.TransposeAndMultiply(s.W);
        if (s.Layer.BiasMode == BiasMode.OnesColumn) dInput = dInput.SubMatrix(0, dInput.RowCount, 0, dInput.ColumnCount - 1);
        return new LayerGradients(s.Layer, dLossDO, delta, dW, dB, dInput);
    }
}
