namespace Backprop.Notebooks;

/// <summary>
/// Lesson 06's record of which pieces passed their checks, and the functions the cells below
/// use: the learner's where the check passed, the engine's otherwise. Shown in a cell, it says
/// which is which, so a Run All with unanswered exercises still trains and says with what.
/// <code>
/// var use = new YourCode(forwardCheck, lossCheck, backwardCheck, updateCheck);
/// var (Z, O) = use.Forward(X, W, b);
/// var training = use.With(trainingCheck);   // then training.Train(…)
/// </code>
/// </summary>
public sealed class YourCode : IView
{
    private readonly FunctionCheck<ForwardFunction> forward;
    private readonly FunctionCheck<LossFunction> loss;
    private readonly FunctionCheck<BackwardFunction> backward;
    private readonly FunctionCheck<UpdateFunction> update;
    private readonly FunctionCheck<TrainFunction>? train;

    /// <summary>The four pieces of one training step, each the learner's when its check passed.</summary>
    public YourCode(FunctionCheck<ForwardFunction> forward, FunctionCheck<LossFunction> loss,
        FunctionCheck<BackwardFunction> backward, FunctionCheck<UpdateFunction> update)
        : this(forward, loss, backward, update, null)
    {
    }

    private YourCode(FunctionCheck<ForwardFunction> forward, FunctionCheck<LossFunction> loss,
        FunctionCheck<BackwardFunction> backward, FunctionCheck<UpdateFunction> update, FunctionCheck<TrainFunction>? train)
    {
        this.forward = forward ?? throw new ArgumentNullException(nameof(forward));
        this.loss = loss ?? throw new ArgumentNullException(nameof(loss));
        this.backward = backward ?? throw new ArgumentNullException(nameof(backward));
        this.update = update ?? throw new ArgumentNullException(nameof(update));
        this.train = train;
    }

    /// <summary>The forward pass to use.</summary>
    public ForwardFunction Forward => forward.Value;

    /// <summary>The loss and its derivative to use.</summary>
    public LossFunction Loss => loss.Value;

    /// <summary>The backward loop to use.</summary>
    public BackwardFunction Backward => backward.Value;

    /// <summary>The update to use.</summary>
    public UpdateFunction Update => update.Value;

    /// <summary>The epoch loop to use; needs <see cref="With"/>.</summary>
    public TrainFunction Train => train?.Value
        ?? throw new InvalidOperationException("No epoch loop yet: make this with use.With(trainingCheck) after the epoch loop's check.");

    /// <summary>True when every piece (and the epoch loop, if any) is the learner's.</summary>
    public bool AllYours => Pieces.All(p => p.Passed) && (train?.Passed ?? true);

    /// <summary>The same pieces, and the epoch loop of <paramref name="training"/>.</summary>
    /// <param name="training">The epoch loop's check. The learner's loop calls this object's pieces.</param>
    public YourCode With(FunctionCheck<TrainFunction> training) =>
        new(forward, loss, backward, update, training ?? throw new ArgumentNullException(nameof(training)));

    private IReadOnlyList<(string What, bool Passed, string Why)> Pieces =>
        [(forward.What, forward.Passed, forward.Why), (loss.What, loss.Passed, loss.Why),
         (backward.What, backward.Passed, backward.Why), (update.What, update.Passed, update.Why)];

    /// <summary>
    /// One sentence: "Using your forward pass and loss; the engine's backward loop and update
    /// (yours are not answered yet).", or, with an epoch loop, "Training with …".
    /// </summary>
    public string Sentence => train switch
    {
        null => $"Using {Describe(Pieces)}.",
        { Passed: true } when AllYours => $"Training with your functions: your {train.What}, {And(Pieces.Select(p => p.What))}.",
        { Passed: true } => $"Training with your {train.What}, which calls {Describe(Pieces)}.",
        _ => $"Training with the engine's {train.What} (Trainer.Train) and the engine's {And(Pieces.Select(p => p.What))}: your {train.What} is {train.Why}.",
    };

    /// <summary>"your forward pass and loss; the engine's backward loop (yours is not right yet) and update (yours is not answered yet)".</summary>
    private static string Describe(IReadOnlyList<(string What, bool Passed, string Why)> pieces)
    {
        var yours = pieces.Where(p => p.Passed).Select(p => p.What).ToList();
        var engine = pieces.Where(p => !p.Passed).ToList();
        var parts = new List<string>();
        if (yours.Count > 0) parts.Add($"your {And(yours)}");
        if (engine.Count > 0)
        {
            var byReason = engine.GroupBy(p => p.Why).Select(g => $"{And(g.Select(p => p.What))} ({(g.Count() == 1 ? "yours is" : "yours are")} {g.Key})");
            parts.Add($"the engine's {And(byReason)}");
        }
        return string.Join("; ", parts);
    }

    /// <summary>"a", "a and b", "a, b and c".</summary>
    private static string And(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : $"{string.Join(", ", list.Take(list.Count - 1))} and {list[^1]}";
    }

    /// <inheritdoc />
    public string ToHtml() =>
        $"<div class=\"bp-uses\" data-all-yours=\"{(AllYours ? "true" : "false")}\" style=\"padding:4px 8px;border-left:4px solid {(AllYours ? "#1e7b34" : "#888")}\">{Html.Escape(Sentence)}</div>";

    /// <inheritdoc />
    public string ToText() => Sentence;

    /// <inheritdoc />
    public override string ToString() => Sentence;
}
