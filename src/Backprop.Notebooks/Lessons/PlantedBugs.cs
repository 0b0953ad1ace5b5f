namespace Backprop.Notebooks;

/// <summary>
/// A backward pass with one deliberate mistake: the engine's own loop (<see cref="LoopBackprop"/>)
/// running the engine's equations (<see cref="BackwardStep.Correct"/>) with exactly one of them
/// replaced, so every check of the real pass (labels, shapes) runs for it too.
/// </summary>
/// <param name="Name">Short name, e.g. "g' applied twice".</param>
/// <param name="Piece">The equation it replaces: the name of a <see cref="BackwardStep"/> property, e.g. "Delta".</param>
/// <param name="Wrong">The wrong line, in the article's symbols, e.g. "δ = ∂L/∂O ⊙ g'(Z) ⊙ g'(Z)".</param>
/// <param name="Right">The line it replaces, e.g. "δ = ∂L/∂O ⊙ g'(Z)".</param>
/// <param name="StepFor">The equations with the mistake, for a given forward pass (some bugs sit in one layer only).</param>
public sealed record PlantedBug(string Name, string Piece, string Wrong, string Right, Func<ForwardPass, BackwardStep> StepFor)
{
    /// <summary>The wrong line next to the right one, for tables.</summary>
    public string Mistake => $"{Wrong}   (right: {Right})";

    /// <summary>
    /// The backward pass with the mistake, with the signature that <see cref="GradientCheck.Run"/>
    /// (as <c>backward</c>) and <see cref="TrainingOptions.Backward"/> take.
    /// </summary>
    public Gradients Backward(ForwardPass forward, Matrix<double> labels, SquaredLoss loss)
    {
        ArgumentNullException.ThrowIfNull(forward);
        return LoopBackprop.Backward(forward, labels, loss, StepFor(forward));
    }
}

/// <summary>
/// The gallery of classic backpropagation bugs, each one equation of <see cref="BackwardStep"/>
/// swapped for a wrong one. Pass a bug's <see cref="PlantedBug.Backward"/> to
/// <see cref="GradientCheck.Run"/> to see its signature, or to <see cref="TrainingOptions.Backward"/>
/// to see what it does to the loss curve.
/// </summary>
public static class PlantedBugs
{
    private static readonly BackwardStep Right = BackwardStep.Correct;

    /// <summary>No bug: the engine's loop form, for comparison.</summary>
    public static PlantedBug Correct { get; } = new("none (the right pass)", "", "", "", _ => Right);

    /// <summary>
    /// Missing transpose: passes down δ @ W instead of δ @ Wᵀ. With a non-square W the shapes
    /// disagree and a <see cref="ShapeException"/> names the layer and the shapes; with square
    /// layers the product runs and silently passes down wrong numbers, which only a gradient check catches.
    /// </summary>
    public static PlantedBug MissingTranspose { get; } = new("missing transpose", nameof(BackwardStep.PassedDown),
        "∂L/∂O_prev = δ @ W", "δ @ Wᵀ", _ => Right with { PassedDown = (s, delta) => delta * s.W });

    /// <summary>g' applied twice: δ = ∂L/∂O ⊙ g'(Z) ⊙ g'(Z) in every layer. Every gradient shrinks; learning slows down.</summary>
    public static PlantedBug DerivativeTwice { get; } = new("g' applied twice", nameof(BackwardStep.Delta),
        "δ = ∂L/∂O ⊙ g'(Z) ⊙ g'(Z)", "∂L/∂O ⊙ g'(Z)",
        _ => Right with { Delta = (s, dLossDO) => Right.Delta(s, dLossDO).PointwiseMultiply(s.Layer.Activation.Derivative(s.Z, s.O)) });

    /// <summary>
    /// g' forgotten at the output: δ_out = ∂L/∂O instead of ∂L/∂O ⊙ g'(Z). Right only when the
    /// output layer is linear (g' = 1); with a sigmoid output every layer's gradient is off.
    /// </summary>
    public static PlantedBug OutputDerivativeForgotten { get; } = new("g' forgotten at the output", nameof(BackwardStep.Delta),
        "δ_out = ∂L/∂O", "∂L/∂O ⊙ g'(Z_out)",
        forward => Right with { Delta = (s, dLossDO) => ReferenceEquals(s, forward.Layers[^1]) ? dLossDO : Right.Delta(s, dLossDO) });

    /// <summary>
    /// Bias gradient not summed over n: ∂L/∂b = δ of the first instance only (what code written
    /// for one instance at a time computes), instead of Σₙ δ. Only ∂L/∂b is wrong, and only with
    /// a bias vector (<see cref="BiasMode.Vector"/>) and a batch of more than one instance.
    /// </summary>
    public static PlantedBug BiasNotSummed { get; } = new("bias not summed over n", nameof(BackwardStep.DLossDB),
        "∂L/∂b = δ[first instance]", "Σₙ δ", _ => Right with { DLossDB = (s, delta) => delta.SubMatrix(0, 1, 0, delta.ColumnCount) });

    /// <summary>
    /// Sum versus mean: the backward pass starts from the other reduction than the loss it is
    /// given: O − Y for a mean loss (n times too large), (O − Y) / n for a summed loss (n times
    /// too small). Every gradient is off by the same factor n, so the directions are right but
    /// α effectively changes.
    /// </summary>
    public static PlantedBug SumVersusMean { get; } = new("sum versus mean", nameof(BackwardStep.LossDerivative),
        "∂L/∂O = (O − Y)/n for a summed loss", "O − Y",
        _ => Right with { LossDerivative = (o, labels, loss) => (loss with { Reduction = Other(loss.Reduction) }).Derivative(o, labels) });

    /// <summary>
    /// Sign flip: ∂L/∂O = Y − O instead of O − Y, so every gradient points uphill and the update
    /// W − α·∂L/∂W climbs the loss instead of descending it.
    /// </summary>
    public static PlantedBug SignFlip { get; } = new("sign flip in ∂L/∂O", nameof(BackwardStep.LossDerivative),
        "∂L/∂O = Y − O", "O − Y", _ => Right with { LossDerivative = (o, labels, loss) => -loss.Derivative(o, labels) });

    /// <summary>
    /// Updating while back-propagating, the article's first tip turned into a bug: walking down
    /// from the output, each layer's W is updated (W − α·∂L/∂W) before ∂L is passed down through
    /// it, so every layer below receives ∂L computed with weights the forward pass never used.
    /// The network itself is not changed here: ∂L goes down through W − ΔW, and the trainer's
    /// update then subtracts each ΔW once, which leaves exactly the weights the in-place loop leaves.
    /// </summary>
    /// <param name="alpha">The α of the in-place update, the same as the training's.</param>
    public static PlantedBug UpdateWhileBackpropagating(double alpha) => new("update before all ΔW", nameof(BackwardStep.PassedDown),
        "∂L/∂O_prev = δ @ (W − ΔW)ᵀ", "δ @ Wᵀ",
        _ => Right with { PassedDown = (s, delta) => delta.TransposeAndMultiply(s.W - alpha * Right.DLossDW(s, delta)) });

    /// <summary>
    /// The sign flip of the update line: W ← W + ΔW instead of W − ΔW, for
    /// <see cref="TrainingOptions.UpdateRule"/>. Unlike every bug above it leaves the backward pass
    /// alone, so the gradients are right and a gradient check passes; only the loss, which climbs,
    /// shows it. It is the article's <c>weights += ∆w</c> with ∂L = output − labels.
    /// </summary>
    public static Func<Matrix<double>, Matrix<double>, Matrix<double>> UphillUpdate { get; } = (w, deltaW) => w + deltaW;

    /// <summary>
    /// Lesson 09's signatures, one row per bug: the gradient check's largest relative error in each
    /// layer, whether each layer's worst entry sits in a W or a b, and the verdict. A bug whose
    /// products do not fit gets "ShapeException" and the exception's message as its verdict.
    /// </summary>
    /// <param name="network">The network to check.</param>
    /// <param name="x">X of the batch.</param>
    /// <param name="labels">Y of the batch.</param>
    /// <param name="bugs">The bugs, e.g. the gallery with <see cref="Correct"/> first.</param>
    public static Table Signatures(Network network, Matrix<double> x, Matrix<double> labels, IEnumerable<PlantedBug> bugs)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(bugs);
        var names = network.Layers.Select(l => l.Name).ToArray();
        IReadOnlyList<object?> Row(PlantedBug bug)
        {
            try
            {
                var check = GradientCheck.Run(network, x, labels, backward: bug.Backward);
                return [bug.Name, .. check.Layers.Select(l => (object)l.MaxRelativeError),
                    string.Join(" ", check.Layers.Select(l => l.Worst.Parameter[..1])), check.Verdict.ToString()];
            }
            catch (ShapeException e)
            {
                return [bug.Name, .. names.Select(_ => (object)"–"), "", $"ShapeException: {e.Message}"];
            }
        }

        return new Table("Gradient check of each planted bug: max relative error per layer",
            ["bug", .. names, "worst in", "verdict"], bugs.Select(Row).ToList(), numberFormat: "0.00e+00");
    }

    /// <summary>
    /// The gallery: every bug above (the update-while-back-propagating bug with <paramref name="alpha"/>).
    /// </summary>
    public static IReadOnlyList<PlantedBug> Gallery(double alpha) =>
        [MissingTranspose, DerivativeTwice, OutputDerivativeForgotten, BiasNotSummed, SumVersusMean, SignFlip, UpdateWhileBackpropagating(alpha)];

    /// <summary>
    /// The exercise of notebook 09: a backward pass with one bug that is not in the gallery, in
    /// one layer. Find the layer with <see cref="GradientCheck.Run"/> before reading on.
    /// The equations made for one forward pass keep the bug in that layer (the same
    /// <see cref="Layer"/>) for every later forward pass of the network, such as the ones a
    /// gradient check makes, so a repair written against them can be checked the same way.
    /// </summary>
    /// <remarks>
    /// The answer (the lesson must not print or point at it): in the second-to-last layer, g' is
    /// computed from that layer's input O_prev instead of its own Z and O, an off-by-one in the
    /// layer index. Needs that layer's input to be as wide as the layer (true for L99 of the
    /// 5-2-4-3-3-1 network).
    /// </remarks>
    public static PlantedBug Mystery { get; } = new("mystery", nameof(BackwardStep.Delta), "?", "δ = ∂L/∂O ⊙ g'(Z)", forward =>
    {
        var buggy = forward.Layers.Count - 2;
        if (buggy < 1 || forward.Layers[buggy].Input.ColumnCount != forward.Layers[buggy].Layer.Size)
            throw new ArgumentException("The mystery bug needs a second-to-last hidden layer as wide as its input, like L99 of 5-2-4-3-3-1", nameof(forward));
        var layer = forward.Layers[buggy].Layer;
        return Right with
        {
            Delta = (s, dLossDO) => !ReferenceEquals(s.Layer, layer) ? Right.Delta(s, dLossDO)
                : dLossDO.PointwiseMultiply(s.Layer.Activation.Derivative(s.Input, s.Input)), // the layer below's O
        };
    });

    /// <summary>
    /// The check of lesson 09's "which layer holds the bug?": the answer and what each misreading of
    /// the table means are read from <paramref name="check"/>, the gradient check of the mystery, so
    /// no code in the lesson names the layer.
    /// </summary>
    /// <param name="yours">The learner's answer: a layer's number, e.g. 97 for L97.</param>
    /// <param name="check">The gradient check of <see cref="Mystery"/>.</param>
    public static ExerciseResult<double> CheckSuspect(Func<double> yours, GradientCheckResult check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var rows = check.Layers;
        static int NumberOf(LayerCheck row) => int.Parse(row.Layer[1..], System.Globalization.CultureInfo.InvariantCulture);
        var flagged = rows.Where(r => r.Verdict != GradientVerdict.Correct).ToList();
        if (flagged.Count == 0) throw new ArgumentException("The gradient check flags no layer: it is not the check of a backward pass with a bug", nameof(check));
        var (bug, lowest) = (flagged[^1], flagged[0]); // a bug spoils its layer and every layer below it
        var misreadings = rows.Where(r => r != bug).Select(r => new NumberMistake(
                r.Verdict == GradientVerdict.Correct ? $"{r.Layer} passes the check: its gradients are right, so its step cannot hold the bug."
                : r == lowest ? $"{r.Layer} is the lowest layer the check flags: that is where the damage ends, not where it starts. Every layer below a bug inherits it, so the bug sits in the highest layer flagged."
                : $"{r.Layer} is flagged, but so is a layer above it, and {r.Layer} inherits whatever that layer passes down. Look higher.",
                NumberOf(r)))
            .Concat(rows.Select((r, i) => new NumberMistake(
                $"{i} looks like a position in the list of layers (counting from 0), not a layer's number: write the number after the L, e.g. 97 for L97.", i)))
            .ToList();
        return Exercise.Check("layer with the bug", yours, NumberOf(bug), misreadings, usedBelow: true);
    }

    private static LossReduction Other(LossReduction r) => r == LossReduction.Sum ? LossReduction.Mean : LossReduction.Sum;
}
