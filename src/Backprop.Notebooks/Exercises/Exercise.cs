namespace Backprop.Notebooks;

/// <summary>
/// The course's one exercise convention. The learner's code sits in a small marked region
/// (<c>// ▼ your turn</c> … <c>// ▲</c>), usually the body of a local function that the check
/// calls. As shipped, that region throws <see cref="NotAnswered"/>. The check runs the code and
/// returns a verdict to display: ✓, or exactly what is wrong (shape and transpose, sign, a
/// known mistake such as a forgotten g′, a constant factor such as the mean instead of the sum,
/// or the largest difference and where), or "not answered yet" with a first hint. It never
/// throws, so Run All goes through; <see cref="ExerciseResult{T}.Value"/> is the learner's
/// answer when it is right and the engine's otherwise, for the cells below.
/// </summary>
public static class Exercise
{
    /// <summary>Runs the learner's code for a matrix answer and checks it against the engine's.</summary>
    /// <param name="what">What the learner computes, e.g. "ΔW_L100".</param>
    /// <param name="yours">The learner's code: the marked region.</param>
    /// <param name="expected">The engine's answer.</param>
    /// <param name="mistakes">Typical wrong answers, recognised by value and named.</param>
    /// <param name="tolerance">Largest absolute difference accepted.</param>
    /// <param name="usedBelow">True when cells below use <see cref="ExerciseResult{T}.Value"/>: the verdict then says they use the engine's until the answer is right.</param>
    public static ExerciseResult<Matrix<double>> Check(string what, Func<Matrix<double>?> yours, Matrix<double> expected,
        IReadOnlyList<Mistake>? mistakes = null, double tolerance = 1e-9, bool usedBelow = false)
    {
        ArgumentNullException.ThrowIfNull(yours);
        ArgumentNullException.ThrowIfNull(expected);
        var verdict = Run(what, yours, out var answer) ?? Diagnose(what, answer, expected, mistakes, tolerance);
        return new(what, verdict.State, verdict.Message, verdict.State == ExerciseState.Correct ? answer! : expected) { UsedBelow = usedBelow };
    }

    /// <summary>Runs the learner's code for a number and checks it, like the matrix check.</summary>
    public static ExerciseResult<double> Check(string what, Func<double> yours, double expected,
        IReadOnlyList<NumberMistake>? mistakes = null, double tolerance = 1e-9, bool usedBelow = false)
    {
        ArgumentNullException.ThrowIfNull(yours);
        var verdict = Run(what, () => yours(), out var answer) ?? Diagnose(what, answer, expected, mistakes, tolerance);
        return new(what, verdict.State, verdict.Message, verdict.State == ExerciseState.Correct ? answer : expected) { UsedBelow = usedBelow };
    }

    /// <summary>
    /// The verdict on a matrix: not answered (null), shape (and transpose), NaN, right, a named
    /// mistake, sign, a constant factor, or the largest difference and where.
    /// </summary>
    public static ExerciseResult Diagnose(string what, Matrix<double>? yours, Matrix<double> expected,
        IReadOnlyList<Mistake>? mistakes = null, double tolerance = 1e-9)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var want = Shape.Of(expected);
        if (yours is null) return NotYet(what, $"compute {what} {want} in the marked region.");
        var got = Shape.Of(yours);
        if (got != want)
        {
            var transposed = got == new Shape(want.Columns, want.Rows);
            var hint = transposed && MaxDifference(yours.Transpose(), expected).Value <= tolerance
                ? " It is the transpose of the right answer: swap the order of the product or move the ᵀ."
                : transposed ? " That is the transposed shape: check where the ᵀ goes." : "";
            return Wrong(what, $"wrong shape: yours is {got}, expected {want}.{hint}");
        }
        if (yours.Enumerate().Any(v => !double.IsFinite(v)))
            return Wrong(what, $"yours contains NaN or ∞; every value of {what} {want} must be a finite number.");
        var (difference, row, column) = MaxDifference(yours, expected);
        if (difference <= tolerance) return new(what, ExerciseState.Correct, $"{what} {want} is correct.");
        foreach (var mistake in mistakes ?? [])
        {
            if (Shape.Of(mistake.Value) == want && MaxDifference(yours, mistake.Value).Value <= tolerance)
                return Wrong(what, $"{mistake.Diagnosis} The shape {want} is right.");
        }

        if (MaxDifference(-yours, expected).Value <= tolerance)
            return Wrong(what, $"sign error: yours is exactly −1 × the right {what} {want}. Check O − Y versus Y − O, or W − ΔW versus W + ΔW.");
        if (Factor(yours, expected, tolerance) is { } factor)
        {
            return Wrong(what, FormattableString.Invariant($"yours is exactly {Html.Number(factor, "0.####")} × the right {what} {want}: ") +
                "a constant factor, such as the mean instead of the sum (1/n), a missing or extra α, or n in the wrong place.");
        }

        return Wrong(what, FormattableString.Invariant(
            $"wrong values: the largest difference is {difference:0.######} at row {row}, column {column} (yours {yours[row, column]:0.######}, expected {expected[row, column]:0.######}). The shape {want} is right."));
    }

    /// <summary>The verdict on a number: no shapes, just right, a named mistake, the sign, or both values.</summary>
    public static ExerciseResult Diagnose(string what, double yours, double expected, IReadOnlyList<NumberMistake>? mistakes = null, double tolerance = 1e-9)
    {
        if (!double.IsFinite(yours)) return Wrong(what, $"yours is {yours}; {what} must be a finite number.");
        if (Math.Abs(yours - expected) <= tolerance) return new(what, ExerciseState.Correct, $"{what} is correct.");
        foreach (var mistake in mistakes ?? [])
            if (Math.Abs(yours - mistake.Value) <= tolerance) return Wrong(what, mistake.Diagnosis);
        if (Math.Abs(-yours - expected) <= tolerance)
            return Wrong(what, $"sign error: yours is exactly −1 × the right {what}. Check O − Y versus Y − O, or W − ΔW versus W + ΔW.");
        return Wrong(what, FormattableString.Invariant($"not yet: yours is {yours:0.######}, which is not {what}."));
    }

    /// <summary>
    /// Runs the learner's code: null when it returned (its answer in <paramref name="answer"/>),
    /// otherwise the verdict: not answered yet, with the hint it threw, or what its code threw.
    /// Public for checks that run the learner's code once and then look at several results
    /// (e.g. one per layer, <see cref="BuildItYourself"/>).
    /// </summary>
    public static ExerciseResult? Run<T>(string what, Func<T> yours, out T? answer)
    {
        answer = default;
        try
        {
            answer = yours();
            return null;
        }
        catch (NotAnswered e)
        {
            return NotYet(what, e.Message);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException or NullReferenceException or ArithmeticException)
        {
            var shapes = e is ArgumentException ? " Check the shapes of each product: (n×k) @ (k×j) → (n×j)." : "";
            return Wrong(what, $"your code threw {e.GetType().Name}: {e.Message}{shapes}");
        }
    }

    /// <summary>c when yours = c · expected for one constant c (other than 1 and −1), else null.</summary>
    private static double? Factor(Matrix<double> yours, Matrix<double> expected, double tolerance)
    {
        var (largest, row, column) = MaxDifference(expected, expected * 0);
        if (largest <= tolerance) return null;
        var c = yours[row, column] / expected[row, column];
        return Math.Abs(c) > tolerance && MaxDifference(yours, c * expected).Value <= tolerance * Math.Max(1, Math.Abs(c)) ? c : null;
    }

    private static ExerciseResult NotYet(string what, string hint) =>
        new(what, ExerciseState.NotAnswered, $"{what}: not answered yet. Hint: {hint}");

    private static ExerciseResult Wrong(string what, string message) => new(what, ExerciseState.Wrong, $"{what}: {message}");

    private static (double Value, int Row, int Column) MaxDifference(Matrix<double> a, Matrix<double> b)
    {
        var best = (Value: -1.0, Row: 0, Column: 0);
        for (var i = 0; i < a.RowCount; i++)
        {
            for (var j = 0; j < a.ColumnCount; j++)
            {
                var d = Math.Abs(a[i, j] - b[i, j]);
                if (d > best.Value) best = (d, i, j);
            }
        }
        return best;
    }
}

/// <summary>Thrown by an exercise's marked region as shipped: the learner has not written it yet. The message is the first hint.</summary>
public sealed class NotAnswered : Exception
{
    /// <summary>Not answered yet, with the first hint.</summary>
    public NotAnswered(string hint) : base(hint) { }

    /// <summary>Not answered yet, without a hint.</summary>
    public NotAnswered() : base("write your answer in the marked region.") { }

    /// <summary>Not answered yet, with a hint and a cause.</summary>
    public NotAnswered(string hint, Exception inner) : base(hint, inner) { }
}

/// <summary>A typical wrong matrix answer, recognised by its value, and what it means.</summary>
/// <param name="Diagnosis">What the learner did, e.g. "g′ is missing: yours is ∂L/∂O, not ∂L/∂O ⊙ g′(Z).".</param>
/// <param name="Value">The wrong answer's value.</param>
public sealed record Mistake(string Diagnosis, Matrix<double> Value);

/// <summary>A typical wrong number, recognised by its value, and what it means.</summary>
/// <param name="Diagnosis">What the learner did.</param>
/// <param name="Value">The wrong number.</param>
public sealed record NumberMistake(string Diagnosis, double Value);

/// <summary>Where an exercise stands.</summary>
public enum ExerciseState
{
    /// <summary>The learner's answer is right.</summary>
    Correct,

    /// <summary>The learner answered, and the answer is wrong.</summary>
    Wrong,

    /// <summary>The marked region still throws <see cref="NotAnswered"/>.</summary>
    NotAnswered,
}

/// <summary>An exercise's verdict: green when correct, red when wrong, amber while not answered.</summary>
/// <param name="What">What was checked.</param>
/// <param name="State">Correct, wrong or not answered yet.</param>
/// <param name="Message">The verdict in one or two sentences.</param>
public record ExerciseResult(string What, ExerciseState State, string Message) : IView
{
    /// <summary>True when the answer is right.</summary>
    public bool Passed => State == ExerciseState.Correct;

    private string Mark => State switch { ExerciseState.Correct => "✓", ExerciseState.Wrong => "✗", _ => "…" };

    private string Colour => State switch { ExerciseState.Correct => "#1e7b34", ExerciseState.Wrong => "#c0392b", _ => "#b7791f" };

    /// <summary>True when cells below use the answer: until it is right, they use the engine's, and the verdict says so.</summary>
    public bool UsedBelow { get; init; }

    private string Fallback => UsedBelow ? $"Until then, the cells below use the engine's {What}." : "";

    /// <inheritdoc />
    public string ToHtml() =>
        $"<div class=\"bp-exercise\" data-exercise=\"{Html.Escape(What)}\" data-state=\"{State.ToString().ToLowerInvariant()}\" " +
        $"style=\"padding:4px 8px;border-left:4px solid {Colour}\">{Mark} {Html.Escape(Message)}" +
        (Passed || Fallback.Length == 0 ? "" : $"<div style=\"opacity:0.75\">{Html.Escape(Fallback)}</div>") + "</div>";

    /// <inheritdoc />
    public string ToText() => $"{Mark} {Message}" + (Passed || Fallback.Length == 0 ? "" : $" {Fallback}");
}

/// <summary>An exercise's verdict and the value for the cells below: the learner's when right, the engine's otherwise.</summary>
/// <typeparam name="T">The answer's type.</typeparam>
/// <param name="What">What was checked.</param>
/// <param name="State">Correct, wrong or not answered yet.</param>
/// <param name="Message">The verdict.</param>
/// <param name="Value">The learner's answer when right; the engine's otherwise.</param>
public sealed record ExerciseResult<T>(string What, ExerciseState State, string Message, T Value) : ExerciseResult(What, State, Message);
