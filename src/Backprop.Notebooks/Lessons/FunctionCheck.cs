namespace Backprop.Notebooks;

/// <summary>
/// The verdict on an exercise whose answer is a function, e.g. a forward pass, after it ran on
/// fixed inputs: one line when it is not answered, when it threw, or when every result is right;
/// otherwise the results that are right so far and the first one that is not. <see cref="Value"/>
/// is the learner's function when it passed and the engine's otherwise, for the cells below.
/// </summary>
/// <typeparam name="T">The function's delegate type.</typeparam>
public sealed class FunctionCheck<T> : IView where T : Delegate
{
    private readonly T yours;
    private readonly T engine;

    /// <summary>A verdict on <paramref name="yours"/>, with the engine's function to fall back on.</summary>
    /// <param name="what">What the function is, e.g. "forward pass".</param>
    /// <param name="verdicts">The verdicts, in the order they are shown.</param>
    /// <param name="yours">The learner's function.</param>
    /// <param name="engine">The engine's function with the same signature.</param>
    public FunctionCheck(string what, IReadOnlyList<ExerciseResult> verdicts, T yours, T engine)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        if (verdicts.Count == 0) throw new ArgumentException("A check shows at least one verdict", nameof(verdicts));
        What = what ?? throw new ArgumentNullException(nameof(what));
        Verdicts = verdicts;
        this.yours = yours ?? throw new ArgumentNullException(nameof(yours));
        this.engine = engine ?? throw new ArgumentNullException(nameof(engine));
    }

    /// <summary>What the function is, e.g. "forward pass".</summary>
    public string What { get; }

    /// <summary>The verdicts shown, in order.</summary>
    public IReadOnlyList<ExerciseResult> Verdicts { get; }

    /// <summary>Correct when every verdict is; not answered when one says so; wrong otherwise.</summary>
    public ExerciseState State =>
        Verdicts.All(v => v.Passed) ? ExerciseState.Correct
        : Verdicts.Any(v => v.State == ExerciseState.NotAnswered) ? ExerciseState.NotAnswered
        : ExerciseState.Wrong;

    /// <summary>True when the learner's function gave every result right.</summary>
    public bool Passed => State == ExerciseState.Correct;

    /// <summary>The learner's function when it passed; the engine's otherwise.</summary>
    public T Value => Passed ? yours : engine;

    /// <summary>"your forward pass", or "the engine's forward pass".</summary>
    public string Whose => Passed ? $"your {What}" : $"the engine's {What}";

    /// <summary>Why the engine's is used: "not answered yet" or "not right yet"; empty when it passed.</summary>
    public string Why => State switch
    {
        ExerciseState.Correct => "",
        ExerciseState.NotAnswered => "not answered yet",
        _ => "not right yet",
    };

    private string Fallback => Passed ? "" : $"Until it is right, the cells below use the engine's {What}.";

    /// <inheritdoc />
    public string ToHtml() => string.Concat(Verdicts.Select(v => v.ToHtml())) +
        (Passed ? "" : $"<div style=\"padding:2px 12px;opacity:0.75\">{Html.Escape(Fallback)}</div>");

    /// <inheritdoc />
    public string ToText() => string.Join("\n", Verdicts.Select(v => v.ToText()).Append(Fallback).Where(l => l.Length > 0));

    /// <inheritdoc />
    public override string ToString() => ToText();
}
